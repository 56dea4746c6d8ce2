namespace Serverless.Engine.Inputs;

/// <summary>Kestra's input type names.</summary>
public static class InputTypes
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "STRING", "INT", "FLOAT", "BOOLEAN", "BOOL", "DATETIME", "DATE", "TIME", "DURATION", "JSON", "YAML", "URI",
        "EMAIL", "SELECT", "ENUM", "MULTISELECT", "ARRAY", "SECRET", "FILE",
    ];

    public static bool IsKnown(string type) => Names.Contains(type.ToUpperInvariant());
}

using Serverless.Engine.Flows;

namespace Serverless.Engine.Inputs;

/// <summary>Input definitions written as plain maps (a Pause's <c>onResume</c>, a Subflow's child inputs).</summary>
public static class InputDefinitions
{
    /// <summary>The definitions in a list of <c>{id, type, required, defaults…}</c> maps; entries without an id are skipped.</summary>
    public static IReadOnlyList<InputDefinition> FromPlain(object? value) => value is IReadOnlyList<object?> list
        ? [.. list.OfType<IReadOnlyDictionary<string, object?>>()
            .Where(m => m.GetValueOrDefault("id") is string)
            .Select(m => new InputDefinition
            {
                Id = (string)m["id"]!,
                Type = (m.GetValueOrDefault("type") as string ?? "STRING").ToUpperInvariant(),
                Required = m.GetValueOrDefault("required") is not false,
                Defaults = m.GetValueOrDefault("defaults"),
                Description = m.GetValueOrDefault("description") as string,
                Properties = m,
            })]
        : [];

    /// <summary>Resolves values against definitions (defaults, required, types), reporting every bad value.</summary>
    public static IReadOnlyDictionary<string, object?> Resolve(IReadOnlyList<InputDefinition> definitions, IReadOnlyDictionary<string, object?> provided, TimeProvider clock)
    {
        var flow = new Flow { Id = "inputs", Namespace = "inputs", Inputs = definitions };
        return new InputResolver(clock).Resolve(flow, provided);
    }
}

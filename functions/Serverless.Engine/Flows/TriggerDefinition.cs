namespace Serverless.Engine.Flows;

/// <summary>A trigger as declared in the flow; the trigger's type decides how its properties are read.</summary>
public sealed record TriggerDefinition(
    string Id,
    string Type,
    IReadOnlyDictionary<string, object?> Properties,
    bool Disabled,
    SourcePosition Position);

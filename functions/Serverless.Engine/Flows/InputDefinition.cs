namespace Serverless.Engine.Flows;

/// <summary>
/// A flow input. Type-specific settings (validator, min/max, values, itemType…) stay in
/// <see cref="Properties"/> and are read by the input's type when a value is resolved.
/// </summary>
public sealed record InputDefinition
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public bool Required { get; init; } = true;

    public object? Defaults { get; init; }

    public string? Description { get; init; }

    public string? DisplayName { get; init; }

    public IReadOnlyList<string> DependsOn { get; init; } = [];

    public IReadOnlyDictionary<string, object?> Properties { get; init; } = new Dictionary<string, object?>();

    public SourcePosition Position { get; init; }
}

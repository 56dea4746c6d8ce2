namespace Serverless.Engine.Flows;

/// <summary>A flow output: rendered after the tasks end; a render error fails the execution.</summary>
public sealed record FlowOutput(string Id, object? Value, string Type, string? Description, SourcePosition Position)
{
    /// <summary>False for <c>required: false</c>: an output that cannot be rendered is left out instead of failing the execution.</summary>
    public bool Required { get; init; } = true;
}

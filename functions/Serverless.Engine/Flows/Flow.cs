namespace Serverless.Engine.Flows;

/// <summary>
/// A parsed Kestra flow. Immutable: an execution keeps the flow it started with, so editing the flow never
/// changes a running execution.
/// </summary>
public sealed record Flow
{
    public required string Id { get; init; }

    public required string Namespace { get; init; }

    public int Revision { get; init; } = 1;

    public string? Description { get; init; }

    public IReadOnlyList<Label> Labels { get; init; } = [];

    public IReadOnlyList<InputDefinition> Inputs { get; init; } = [];

    /// <summary>Flow variables (<c>vars.x</c>); strings may hold expressions rendered lazily.</summary>
    public IReadOnlyDictionary<string, object?> Variables { get; init; } = new Dictionary<string, object?>();

    public IReadOnlyList<TaskDefinition> Tasks { get; init; } = [];

    public IReadOnlyList<TaskDefinition> Errors { get; init; } = [];

    public IReadOnlyList<TaskDefinition> Finally { get; init; } = [];

    public IReadOnlyList<TaskDefinition> AfterExecution { get; init; } = [];

    public IReadOnlyList<FlowOutput> Outputs { get; init; } = [];

    public IReadOnlyList<TriggerDefinition> Triggers { get; init; } = [];

    public IReadOnlyList<PluginDefault> PluginDefaults { get; init; } = [];

    public ConcurrencyLimit? Concurrency { get; init; }

    /// <summary>Flow-level retry (Kestra's <c>RETRY_FAILED_TASK</c> behaviour), applied to tasks without their own.</summary>
    public RetryPolicy? Retry { get; init; }

    public bool Disabled { get; init; }

    /// <summary>The YAML this flow was parsed from, kept so executions and the API can show it.</summary>
    public string Source { get; init; } = "";

    /// <summary>Every task in the flow, nested ones included, in document order.</summary>
    public IEnumerable<TaskDefinition> AllTasks() =>
        Tasks.Concat(Errors).Concat(Finally).Concat(AfterExecution).SelectMany(t => t.SelfAndDescendants());
}

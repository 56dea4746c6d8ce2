using System.Text.Json.Serialization;
using Serverless.Engine.Flows;

namespace Serverless.Engine.Contracts;

/// <summary>
/// The activity input of a <c>WorkingDirectory</c>: its runnable children, run in order in one activity on one
/// worker, because they share one folder on that worker's disk. Properties are sent unrendered, as for
/// <see cref="TaskRequest"/>.
/// </summary>
/// <remarks>
/// Wire contract: in-flight histories hold it; add members, never rename them. The activity runs at least
/// once: after a crash the whole group runs again, from its first task, in a fresh folder.
/// </remarks>
public sealed record TaskGroupRequest
{
    public required string ExecutionId { get; init; }

    public required string Namespace { get; init; }

    public required string FlowId { get; init; }

    /// <summary>The WorkingDirectory's task run.</summary>
    public required string TaskRunId { get; init; }

    /// <summary>The WorkingDirectory's task id.</summary>
    public required string TaskId { get; init; }

    /// <summary>The WorkingDirectory's own <c>namespaceFiles</c>, <c>inputFiles</c> and <c>outputFiles</c>.</summary>
    [JsonConverter(typeof(PlainDictionaryConverter))]
    public IReadOnlyDictionary<string, object?>? Properties { get; init; }

    /// <summary>
    /// Variables every child sees (pruned to the roots their templates use). Each child's own <c>task</c>,
    /// <c>taskrun</c> and <c>parent</c> travel in its request; <c>outputs</c> grows as children end.
    /// </summary>
    [JsonConverter(typeof(PlainDictionaryConverter))]
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    /// <summary>The enclosing ForEach values that key the children's outputs (<c>outputs.child['a']</c>).</summary>
    public IReadOnlyList<string> OutputPath { get; init; } = [];

    /// <summary>The children, in order; each request is a template whose attempt and variables the activity sets.</summary>
    public IReadOnlyList<TaskGroupChild> Tasks { get; init; } = [];

    /// <summary>The orchestration's clock when the group was scheduled.</summary>
    public DateTimeOffset Now { get; init; }

    /// <summary>The WorkingDirectory's timeout, for the whole group.</summary>
    public TimeSpan? Timeout { get; init; }

    public string? LogLevel { get; init; }
}

/// <summary>One child of a task group, with what the orchestration would otherwise apply around its attempts.</summary>
public sealed record TaskGroupChild
{
    public required TaskRequest Request { get; init; }

    /// <summary>The child's retry policy (or the flow's); applied inside the activity, waits included.</summary>
    public RetryPolicy? Retry { get; init; }

    /// <summary>A failure with allowFailure lets the next child run.</summary>
    public bool AllowFailure { get; init; }

    /// <summary>The child's <c>runIf</c>, evaluated in the activity (it may read earlier siblings' outputs).</summary>
    public string? RunIf { get; init; }
}

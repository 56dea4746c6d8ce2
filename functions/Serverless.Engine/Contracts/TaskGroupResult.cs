using System.Text.Json.Serialization;

namespace Serverless.Engine.Contracts;

/// <summary>
/// The answer of a task group: one result per child that ran (children after the first failure are absent),
/// and the group's own outputs or failure.
/// </summary>
/// <remarks>Wire contract: in-flight histories hold it; add members, never rename them.</remarks>
public sealed record TaskGroupResult
{
    public IReadOnlyList<TaskGroupChildResult> Tasks { get; init; } = [];

    /// <summary>The WorkingDirectory's outputs: <c>outputFiles</c> (name → kestra:// URI) when it declares some.</summary>
    [JsonConverter(typeof(PlainDictionaryConverter))]
    public IReadOnlyDictionary<string, object?>? Outputs { get; init; }

    /// <summary>Why the group itself failed (its files, its timeout), apart from its children's failures.</summary>
    public TaskFailure? Failure { get; init; }
}

/// <summary>How one child of a group ended: its last attempt's result, how many attempts it took, and when.</summary>
/// <remarks>Wire contract: in-flight histories hold it; add members, never rename them.</remarks>
public sealed record TaskGroupChildResult
{
    public required string TaskRunId { get; init; }

    /// <summary>The last attempt's result; SKIPPED (and no attempt) when <c>runIf</c> was false.</summary>
    public required TaskResult Result { get; init; }

    /// <summary>Attempts made (1 without retries, 0 when skipped).</summary>
    public int Attempts { get; init; }

    /// <summary>When the first attempt started, by the worker's clock.</summary>
    public DateTimeOffset StartDate { get; init; }

    /// <summary>When the last attempt ended, by the worker's clock.</summary>
    public DateTimeOffset EndDate { get; init; }
}

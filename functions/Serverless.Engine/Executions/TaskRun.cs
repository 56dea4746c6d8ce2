using System.Text.Json.Serialization;
using Serverless.Engine.Contracts;
namespace Serverless.Engine.Executions;

/// <summary>One attempt of a task run; retries add attempts to the same task run.</summary>
public sealed record TaskRunAttempt(StateInfo State);

/// <summary>
/// A task run, as Kestra counts them: each runnable and each flowable task has its own; a task inside a
/// ForEach gets one per iteration (<see cref="Value"/>); a disabled task or a branch not taken has none.
/// </summary>
public sealed record TaskRun
{
    public required string Id { get; init; }

    public required string ExecutionId { get; init; }

    public required string Namespace { get; init; }

    public required string FlowId { get; init; }

    public required string TaskId { get; init; }

    public string? ParentTaskRunId { get; init; }

    /// <summary>The iteration value of the closest enclosing ForEach, rendered as text.</summary>
    public string? Value { get; init; }

    public int? Iteration { get; init; }

    public required StateInfo State { get; init; }

    public IReadOnlyList<TaskRunAttempt> Attempts { get; init; } = [];

    [JsonConverter(typeof(PlainDictionaryConverter))]
    public IReadOnlyDictionary<string, object?>? Outputs { get; init; }
}

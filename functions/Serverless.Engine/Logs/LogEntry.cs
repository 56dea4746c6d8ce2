namespace Serverless.Engine.Logs;

/// <summary>One log line of an execution, as Kestra's log API returns it.</summary>
public sealed record LogEntry(
    string ExecutionId,
    string? TaskRunId,
    string? TaskId,
    string Level,
    string Message,
    DateTimeOffset Timestamp,
    string? Namespace = null,
    string? FlowId = null,
    int? AttemptNumber = null);

using Serverless.Engine.Executions;

namespace Serverless.Engine.Contracts;

/// <summary>
/// A slice of a large execution's task runs, saved to internal storage by the <c>SaveTaskRuns</c> activity so
/// no single orchestration payload outgrows the Durable limits (about 4 MB per action).
/// </summary>
/// <remarks>Wire contract: add members, never rename them.</remarks>
public sealed record TaskRunChunk(string Namespace, string FlowId, string ExecutionId, int Index, IReadOnlyList<TaskRun> TaskRuns);

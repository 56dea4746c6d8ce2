using Serverless.Engine.Executions;

namespace Serverless.Engine.Tests.Support;

/// <summary>Readable lookups on an execution's task runs.</summary>
public static class ExecutionAssertions
{
    public static IReadOnlyList<TaskRun> Runs(this Execution execution, string taskId) =>
        [.. execution.TaskRunList.Where(r => r.TaskId == taskId)];

    public static TaskRun Run(this Execution execution, string taskId) => Assert.Single(execution.Runs(taskId));

    public static State StateOf(this Execution execution, string taskId) => execution.Run(taskId).State.Current;

    public static IReadOnlyList<string> TaskIds(this Execution execution) => [.. execution.TaskRunList.Select(r => r.TaskId)];
}

using Microsoft.DurableTask;
using Serverless.Engine.Contracts;

namespace Serverless.Engine.Activities;

/// <summary>
/// The activity behind every runnable task. Activities run at least once: if a host dies after the task ran
/// but before the result was recorded, the attempt runs again.
/// </summary>
public sealed class RunTaskActivity(TaskExecutor executor) : TaskActivity<TaskRequest, TaskResult>
{
    public override Task<TaskResult> RunAsync(TaskActivityContext context, TaskRequest input) =>
        executor.RunAsync(input, CancellationToken.None);
}

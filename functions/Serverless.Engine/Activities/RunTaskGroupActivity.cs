using Microsoft.DurableTask;
using Serverless.Engine.Contracts;

namespace Serverless.Engine.Activities;

/// <summary>
/// The activity behind a <c>WorkingDirectory</c>: all its tasks in one folder on one worker. Runs at least
/// once: if the worker dies midway, the whole group runs again from its first task (the folder is gone).
/// </summary>
public sealed class RunTaskGroupActivity(TaskExecutor executor) : TaskActivity<TaskGroupRequest, TaskGroupResult>
{
    public override Task<TaskGroupResult> RunAsync(TaskActivityContext context, TaskGroupRequest input) =>
        executor.RunGroupAsync(input, CancellationToken.None);
}

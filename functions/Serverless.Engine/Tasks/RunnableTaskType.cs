using Serverless.Engine.Contracts;

namespace Serverless.Engine.Tasks;

/// <summary>
/// A task that does work: it runs in the <c>RunTask</c> activity, at least once — an activity may run again if
/// its host dies before the result is recorded, so implementations should be idempotent where they can.
/// </summary>
public abstract class RunnableTaskType : TaskType
{
    /// <summary>Runs one attempt. Exceptions become a FAILED result with the message.</summary>
    public abstract Task<TaskResult> RunAsync(TaskRunContext context);
}

using Serverless.Engine.Executions;

namespace Serverless.Engine.Activities;

/// <summary>
/// Told when an execution ends (from the <c>ExecutionEnded</c> activity, so at least once): keeps execution
/// records queryable, starts flows that listen with a Flow trigger, frees concurrency slots. Implementations
/// must be idempotent and must not throw for a failure of their own that should not fail the execution.
/// </summary>
public interface IExecutionListener
{
    Task OnEndedAsync(Execution execution, CancellationToken cancellationToken);
}

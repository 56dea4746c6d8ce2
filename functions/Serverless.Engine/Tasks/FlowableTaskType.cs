using Serverless.Engine.Executions;
using Serverless.Engine.Orchestration;

namespace Serverless.Engine.Tasks;

/// <summary>
/// A task that only decides what runs next (Sequential, Parallel, ForEach, If…). It runs inside the
/// orchestration, so its code must be deterministic: time, ids and waits come from <see cref="FlowableRun"/>.
/// Every flowable accepts <c>errors</c> and <c>finally</c> branches, run by the engine around it.
/// </summary>
public abstract class FlowableTaskType : TaskType
{
    /// <summary>Runs the task's children and returns the flowable's state.</summary>
    public abstract Task<State> ExecuteAsync(FlowableRun run);

    /// <summary>
    /// True when a failure of the children ends this task WARNING (AllowFailure). The engine still treats it as a
    /// failure first, so the task's own <c>errors</c> branch runs, as in Kestra.
    /// </summary>
    public virtual bool FailureIsWarning => false;
}

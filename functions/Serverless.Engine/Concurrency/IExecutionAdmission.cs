using Serverless.Engine.Contracts;
using Serverless.Engine.Flows;

namespace Serverless.Engine.Concurrency;

/// <summary>What the admission decided for a new execution.</summary>
public enum AdmissionDecision
{
    /// <summary>A slot is held: schedule the orchestration now.</summary>
    Run,

    /// <summary>The flow is at its limit and queues: the execution waits (QUEUED) and starts when a slot frees.</summary>
    Queued,

    /// <summary>The flow is at its limit and cancels: the execution ended CANCELLED without running.</summary>
    Cancelled,

    /// <summary>The flow is at its limit and fails: the execution ended FAILED without running.</summary>
    Failed,

    /// <summary>This execution id already holds a slot or waits in the queue: nothing to do.</summary>
    Duplicate,
}

/// <summary>
/// Decides, before an orchestration is scheduled, whether a new execution may run now under its flow's
/// <c>concurrency</c> limit. Every start path (API, triggers, subflows) must call it just before scheduling
/// the orchestration, and schedule only on <see cref="AdmissionDecision.Run"/>; the slot is released by
/// <see cref="ConcurrencyReleaseListener"/> when the execution ends.
/// </summary>
public interface IExecutionAdmission
{
    Task<AdmissionDecision> AdmitAsync(Flow flow, ExecutionRequest request, CancellationToken cancellationToken);
}

using Microsoft.Extensions.DependencyInjection;
using Serverless.Engine.Activities;
using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Flows;
using Serverless.Engine.Triggers;

namespace Serverless.Engine.Concurrency;

/// <summary>
/// Enforces a flow's <c>concurrency</c> block with a <see cref="IConcurrencySlotStore"/>: run when a slot is
/// free; otherwise QUEUE (wait in FIFO order), CANCEL or FAIL. A cancelled or failed execution never reaches
/// Durable Task, so it is reported to the execution listeners here (records, Flow triggers) as ended.
/// </summary>
public sealed class ConcurrencyAdmission : IExecutionAdmission
{
    private readonly IConcurrencySlotStore _slots;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _clock;

    /// <remarks><paramref name="services"/> resolves the execution listeners lazily: one of them depends on the slot store.</remarks>
    public ConcurrencyAdmission(IConcurrencySlotStore slots, IServiceProvider services, TimeProvider clock)
    {
        _slots = slots;
        _services = services;
        _clock = clock;
    }

    public async Task<AdmissionDecision> AdmitAsync(Flow flow, ExecutionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(request);
        if (flow.Concurrency is not { } limit)
        {
            return AdmissionDecision.Run;
        }

        var key = new ConcurrencyKey(flow.Namespace, flow.Id);
        var queued = limit.Behavior == ConcurrencyBehavior.Queue ? new QueuedExecution(request.ExecutionId, request, _clock.GetUtcNow()) : null;
        switch (await _slots.AcquireAsync(key, request.ExecutionId, limit.Limit, queued, cancellationToken))
        {
            case SlotOutcome.Acquired:
                return AdmissionDecision.Run;
            case SlotOutcome.Queued:
                return AdmissionDecision.Queued;
            case SlotOutcome.Duplicate:
                return AdmissionDecision.Duplicate;
        }

        var state = limit.Behavior == ConcurrencyBehavior.Cancel ? State.CANCELLED : State.FAILED;
        var execution = Rejected(flow, request, state, _clock.GetUtcNow());
        foreach (var listener in _services.GetServices<IExecutionListener>())
        {
            await listener.OnEndedAsync(execution, cancellationToken);
        }

        return state == State.CANCELLED ? AdmissionDecision.Cancelled : AdmissionDecision.Failed;
    }

    /// <summary>The record of an execution the limit turned away: it never ran a task.</summary>
    public static Execution Rejected(Flow flow, ExecutionRequest request, State state, DateTimeOffset at) =>
        StartRecords.Of(flow, request, state, at, state == State.FAILED ? $"the flow's concurrency limit of {flow.Concurrency?.Limit} was reached" : null);
}

using Microsoft.DurableTask;
using Serverless.Engine.Concurrency;
using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Flows;
using Serverless.Engine.Inputs;
using Serverless.Engine.Orchestration;
using Serverless.Engine.Triggers;

namespace Serverless.Engine.Records;

/// <summary>
/// Starts executions so that they can be searched while they run: checks the inputs, passes the flow's
/// concurrency admission (when one is registered), writes the start record, then schedules the
/// orchestration — removing the record again if scheduling fails, so nothing is left half-written. The API
/// and webhook start executions through it; triggers use <see cref="DurableTriggerStarter"/>, which does the
/// same with deterministic ids.
/// </summary>
public sealed class ExecutionLauncher(IExecutionStore store, TimeProvider? clock = null, IExecutionAdmission? admission = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public IExecutionStore Store => store;

    /// <summary>
    /// Starts <paramref name="flow"/> (its <see cref="Flow.Revision"/> is recorded) and returns the start record:
    /// CREATED, or QUEUED / CANCELLED / FAILED when the flow's concurrency limit decided so. Throws
    /// <see cref="InputValidationException"/> before anything is written when an input is bad.
    /// </summary>
    public async Task<Execution> StartAsync(
        ExecutionClient client,
        Flow flow,
        IReadOnlyDictionary<string, object?> inputs,
        StartOptions? options = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= new StartOptions();
        var labels = options.Labels ?? [];
        var request = new ExecutionRequest
        {
            ExecutionId = options.ExecutionId ?? ExecutionIds.New(),
            FlowSource = flow.Source,
            FlowRevision = flow.Revision,
            Inputs = new InputResolver(_clock).Resolve(flow, inputs),
            Labels = [.. flow.Labels.Where(l => labels.All(r => r.Key != l.Key)), .. labels],
            Trigger = options.Trigger,
            ParentExecutionId = options.ParentExecutionId,
        };
        var decision = admission is null ? AdmissionDecision.Run : await admission.AdmitAsync(flow, request, ct);
        switch (decision)
        {
            case AdmissionDecision.Cancelled or AdmissionDecision.Failed:
                var state = decision == AdmissionDecision.Cancelled ? State.CANCELLED : State.FAILED;
                return await store.GetAsync(request.ExecutionId, ct) ?? ConcurrencyAdmission.Rejected(flow, request, state, _clock.GetUtcNow());
            case AdmissionDecision.Duplicate:
                return await store.GetAsync(request.ExecutionId, ct) ?? StartRecords.Of(flow, request, State.QUEUED, _clock.GetUtcNow());
            case AdmissionDecision.Queued:
                var queued = StartRecords.Of(flow, request, State.QUEUED, _clock.GetUtcNow());
                await store.SaveAsync(queued, ct);
                return queued;
        }

        var record = StartRecords.Of(flow, request, State.CREATED, _clock.GetUtcNow());
        await store.SaveAsync(record, ct);
        try
        {
            await client.Durable.ScheduleNewOrchestrationInstanceAsync(
                OrchestrationNames.Flow, request, new StartOrchestrationOptions(request.ExecutionId, options.ScheduleDate), ct);
        }
        catch
        {
            await store.DeleteAsync(request.ExecutionId, CancellationToken.None);
            throw;
        }

        return record;
    }
}

using Serverless.Engine.Concurrency;
using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Flows;
using Serverless.Engine.Inputs;
using Serverless.Engine.Records;

namespace Serverless.Engine.Triggers;

/// <summary>
/// Idempotent trigger starts over a Durable Task client: skips an id Durable or the execution records
/// already know, passes the flow's concurrency admission, writes the start record (CREATED, or QUEUED
/// when the admission queued it), then schedules the orchestration.
/// </summary>
public sealed class DurableTriggerStarter : ITriggerStarter
{
    private readonly IDurableClientSource _clients;
    private readonly IExecutionAdmission? _admission;
    private readonly IExecutionStore? _records;
    private readonly TimeProvider _clock;

    public DurableTriggerStarter(IDurableClientSource clients, IExecutionAdmission? admission = null, IExecutionStore? records = null, TimeProvider? clock = null)
    {
        _clients = clients ?? throw new ArgumentNullException(nameof(clients));
        _admission = admission;
        _records = records;
        _clock = clock ?? TimeProvider.System;
    }

    public async Task<bool> StartAsync(Flow flow, IReadOnlyDictionary<string, object?> inputs, StartOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(options);
        var id = options.ExecutionId ?? throw new ArgumentException("Trigger starts need a deterministic execution id.", nameof(options));
        var client = _clients.Client;
        if (await DurableStarts.ExistsAsync(client, id, cancellationToken)
            || (_records is not null && await _records.GetAsync(id, cancellationToken) is not null))
        {
            return false;
        }

        var labels = options.Labels ?? [];
        var request = new ExecutionRequest
        {
            ExecutionId = id,
            FlowSource = flow.Source,
            FlowRevision = flow.Revision,
            Inputs = new InputResolver(_clock).Resolve(flow, inputs),
            Labels = [.. flow.Labels.Where(l => labels.All(r => r.Key != l.Key)), .. labels],
            Trigger = options.Trigger,
            ParentExecutionId = options.ParentExecutionId,
        };
        var decision = _admission is null ? AdmissionDecision.Run : await _admission.AdmitAsync(flow, request, cancellationToken);
        switch (decision)
        {
            case AdmissionDecision.Duplicate:
                return false;
            case AdmissionDecision.Cancelled or AdmissionDecision.Failed:
                return true;
            case AdmissionDecision.Queued:
                await RecordAsync(flow, request, State.QUEUED, cancellationToken);
                return true;
        }

        await RecordAsync(flow, request, State.CREATED, cancellationToken);
        return await DurableStarts.ScheduleAsync(client, request, options.ScheduleDate, cancellationToken);
    }

    private Task RecordAsync(Flow flow, ExecutionRequest request, State state, CancellationToken cancellationToken) =>
        _records is null
            ? Task.CompletedTask
            : _records.SaveAsync(StartRecords.Of(flow, request, state, _clock.GetUtcNow()), cancellationToken);
}

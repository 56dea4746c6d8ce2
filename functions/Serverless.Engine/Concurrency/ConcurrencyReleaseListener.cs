using Serverless.Engine.Activities;
using Serverless.Engine.Executions;
using Serverless.Engine.Records;
using Serverless.Engine.Triggers;

namespace Serverless.Engine.Concurrency;

/// <summary>
/// Frees an ended execution's slot and schedules the queued executions moved into free slots, oldest
/// first. Runs at least once per ending (the ExecutionEnded activity, or the kill route for a killed
/// execution): releasing twice is a no-op, and a promoted execution that was already scheduled is not
/// scheduled again. A promoted execution's QUEUED record becomes RUNNING (as in Kestra), so searches stop
/// listing it as waiting (a record that already ended is left alone).
/// </summary>
public sealed class ConcurrencyReleaseListener(
    IConcurrencySlotStore slots, IDurableClientSource clients, IExecutionStore? records = null, TimeProvider? clock = null) : IExecutionListener
{
    public async Task OnEndedAsync(Execution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var promoted = await slots.ReleaseAsync(new ConcurrencyKey(execution.Namespace, execution.FlowId), execution.Id, cancellationToken);
        foreach (var next in promoted)
        {
            // The record first: once scheduled, the execution may pause or end before a later write.
            if (records is not null && await records.GetAsync(next.ExecutionId, cancellationToken) is { State.Current: State.QUEUED } queued)
            {
                await records.SaveAsync(queued with { State = queued.State.To(State.RUNNING, (clock ?? TimeProvider.System).GetUtcNow()) }, cancellationToken);
            }

            await DurableStarts.ScheduleAsync(clients.Client, next.Request, startAt: null, cancellationToken);
        }
    }
}

using Serverless.Engine.Activities;
using Serverless.Engine.Executions;
using Serverless.Engine.Triggers;

namespace Serverless.Engine.Concurrency;

/// <summary>
/// Frees an ended execution's slot and schedules the queued executions moved into free slots, oldest
/// first. Runs at least once per ending (the ExecutionEnded activity): releasing twice is a no-op, and a
/// promoted execution that was already scheduled is not scheduled again.
/// </summary>
public sealed class ConcurrencyReleaseListener(IConcurrencySlotStore slots, IDurableClientSource clients) : IExecutionListener
{
    public async Task OnEndedAsync(Execution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var promoted = await slots.ReleaseAsync(new ConcurrencyKey(execution.Namespace, execution.FlowId), execution.Id, cancellationToken);
        foreach (var next in promoted)
        {
            await DurableStarts.ScheduleAsync(clients.Client, next.Request, startAt: null, cancellationToken);
        }
    }
}

using Serverless.Engine.Activities;
using Serverless.Engine.Executions;

namespace Serverless.Engine.Scheduling;

/// <summary>
/// <c>stopAfter</c>: when an execution a Schedule started ends in one of the trigger's listed states, the
/// trigger disables itself (in its state; the YAML is untouched) until re-enabled through the API.
/// </summary>
public sealed class StopAfterListener(ITriggerStateStore states) : IExecutionListener
{
    public async Task OnEndedAsync(Execution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        if (execution.Trigger?.GetValueOrDefault("type") as string != ScheduleEvaluator.TypeName
            || execution.Trigger.GetValueOrDefault("id") is not string triggerId)
        {
            return;
        }

        var key = new TriggerKey(execution.Namespace, execution.FlowId, triggerId);
        var state = execution.State.Current;
        await states.UpdateAsync(key, s => s.Next is not null && !s.Disabled && s.StopAfter.Contains(state) ? s with { Disabled = true } : null, cancellationToken);
    }
}

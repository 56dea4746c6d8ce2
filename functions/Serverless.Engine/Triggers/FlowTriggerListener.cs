using Microsoft.Extensions.Logging;
using Serverless.Engine.Activities;
using Serverless.Engine.Executions;
using Serverless.Engine.Expressions;
using Serverless.Engine.Flows;
using Serverless.Engine.Inputs;
using Serverless.Engine.Tasks;

namespace Serverless.Engine.Triggers;

/// <summary>
/// <c>io.kestra.plugin.core.trigger.Flow</c>: when an execution ends, starts every enabled flow whose Flow
/// trigger matches it (<see cref="FlowTriggerConditions"/>), with <c>trigger.executionId</c>,
/// <c>trigger.namespace</c>, <c>trigger.flowId</c>, <c>trigger.state</c> and <c>trigger.outputs</c>; the
/// trigger's <c>inputs</c> are rendered against those variables. Runs at least once per ending, so the
/// started id derives from the ended execution's id.
/// </summary>
public sealed partial class FlowTriggerListener(IFlowSource flows, ITriggerStarter starter, TimeProvider clock, ILogger<FlowTriggerListener> logger)
    : IExecutionListener
{
    public async Task OnEndedAsync(Execution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        foreach (var match in Match(await flows.GetFlowsAsync(cancellationToken), execution, clock.GetUtcNow()))
        {
            try
            {
                await starter.StartAsync(match.Flow, match.Inputs, match.Options, cancellationToken);
            }
            catch (Exception e) when (e is InputValidationException or ExpressionException)
            {
                CouldNotStart(logger, match.Flow.Namespace, match.Flow.Id, match.Trigger.Id, e.Message);
            }
        }
    }

    /// <summary>The flows to start for <paramref name="ended"/>.</summary>
    public static IReadOnlyList<TriggerMatch> Match(IEnumerable<Flow> flows, Execution ended, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ended);
        var matches = new List<TriggerMatch>();
        foreach (var (flow, trigger) in FlowTriggerSelection.Enabled<FlowTrigger>(flows))
        {
            if (!FlowTriggerConditions.Matches(trigger, ended))
            {
                continue;
            }

            var variables = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["executionId"] = ended.Id,
                ["namespace"] = ended.Namespace,
                ["flowId"] = ended.FlowId,
                ["flowRevision"] = (long)ended.FlowRevision,
                ["state"] = ended.State.Current.ToString(),
                ["outputs"] = ended.Outputs ?? new Dictionary<string, object?>(),
                ["id"] = trigger.Id,
                ["type"] = trigger.Type,
            };
            var scope = new ExpressionScope(new Dictionary<string, object?> { ["trigger"] = variables }) { Now = now };
            var inputs = trigger.Map("inputs").ToDictionary(p => p.Key, p => ValueRenderer.Render(p.Value, scope), StringComparer.Ordinal);
            matches.Add(new TriggerMatch(flow, trigger, inputs, new StartOptions
            {
                ExecutionId = TriggerExecutionIds.From("flow", flow.Namespace, flow.Id, trigger.Id, ended.Id),
                Trigger = variables,
                ParentExecutionId = null,
            }));
        }

        return matches;
    }

    [LoggerMessage(EventId = 5301, Level = LogLevel.Warning, Message = "Flow trigger {TriggerId} of {Namespace}.{FlowId} matched but could not start: {Reason}")]
    private static partial void CouldNotStart(ILogger logger, string @namespace, string flowId, string triggerId, string reason);
}

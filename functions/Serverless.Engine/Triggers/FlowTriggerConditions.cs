using Serverless.Engine.Executions;
using Serverless.Engine.Flows;

namespace Serverless.Engine.Triggers;

/// <summary>
/// Whether an ended execution satisfies a Flow trigger: every <c>conditions</c> entry
/// (<c>ExecutionFlowCondition</c>, <c>ExecutionNamespaceCondition</c>, <c>ExecutionStatusCondition</c>) and,
/// when present, one of the <c>preconditions.flows</c> entries. Without any state filter only terminal
/// states count (the execution ended).
/// </summary>
/// <remarks>
/// Kestra's multi-flow preconditions wait until <em>every</em> listed flow has ended within a time window;
/// here any listed flow fires the trigger (no cross-execution state is kept). Unknown condition types
/// never match, so a flow is not started on a condition this engine cannot check.
/// </remarks>
public static class FlowTriggerConditions
{
    public static bool Matches(TriggerDefinition trigger, Execution ended)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(ended);
        var state = ended.State.Current;
        var stateFiltered = false;
        if (trigger.Properties.GetValueOrDefault("states") is IEnumerable<object?> states)
        {
            stateFiltered = true;
            if (!ContainsState(states, state))
            {
                return false;
            }
        }

        foreach (var condition in (trigger.Properties.GetValueOrDefault("conditions") as IEnumerable<object?>) ?? [])
        {
            if (condition is not IReadOnlyDictionary<string, object?> map || !ConditionMatches(map, ended, ref stateFiltered))
            {
                return false;
            }
        }

        if (trigger.Properties.GetValueOrDefault("preconditions") is IReadOnlyDictionary<string, object?> preconditions
            && preconditions.GetValueOrDefault("flows") is IEnumerable<object?> flows)
        {
            var any = false;
            foreach (var entry in flows.OfType<IReadOnlyDictionary<string, object?>>())
            {
                if (Text(entry, "namespace") is { } ns && ns != ended.Namespace)
                {
                    continue;
                }

                if (Text(entry, "flowId") is { } flowId && flowId != ended.FlowId)
                {
                    continue;
                }

                if (entry.GetValueOrDefault("states") is IEnumerable<object?> entryStates ? ContainsState(entryStates, state) : state.IsTerminated())
                {
                    any = true;
                    break;
                }
            }

            if (!any)
            {
                return false;
            }
        }

        return stateFiltered || state.IsTerminated();
    }

    private static bool ConditionMatches(IReadOnlyDictionary<string, object?> condition, Execution ended, ref bool stateFiltered)
    {
        var type = Text(condition, "type") ?? "";
        var name = type[(type.LastIndexOf('.') + 1)..];
        switch (name)
        {
            case "ExecutionFlowCondition":
                return Text(condition, "namespace") == ended.Namespace && Text(condition, "flowId") == ended.FlowId;
            case "ExecutionNamespaceCondition":
                var ns = Text(condition, "namespace") ?? "";
                return (Text(condition, "comparison")?.ToUpperInvariant(), condition.GetValueOrDefault("prefix")) switch
                {
                    ("PREFIX", _) or (null, true) => ended.Namespace == ns || ended.Namespace.StartsWith(ns + ".", StringComparison.Ordinal),
                    ("SUFFIX", _) => ended.Namespace.EndsWith(ns, StringComparison.Ordinal),
                    _ => ended.Namespace == ns,
                };
            case "ExecutionStatusCondition":
                stateFiltered = true;
                var state = ended.State.Current;
                var inOk = condition.GetValueOrDefault("in") is not IEnumerable<object?> @in || ContainsState(@in, state);
                var notInOk = condition.GetValueOrDefault("notIn") is not IEnumerable<object?> notIn || !ContainsState(notIn, state);
                return inOk && notInOk;
            default:
                return false;
        }
    }

    private static bool ContainsState(IEnumerable<object?> states, State state) =>
        states.OfType<string>().Any(s => string.Equals(s, state.ToString(), StringComparison.OrdinalIgnoreCase));

    private static string? Text(IReadOnlyDictionary<string, object?> map, string key) => map.GetValueOrDefault(key) as string;
}

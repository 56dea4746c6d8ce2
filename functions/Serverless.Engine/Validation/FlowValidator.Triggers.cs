using Serverless.Engine.Flows;
using Serverless.Engine.Triggers;

namespace Serverless.Engine.Validation;

/// <summary>Trigger checks that need the rest of the flow: the inputs a schedule must fill, precondition ids.</summary>
public static partial class FlowValidator
{
    /// <summary>
    /// A Schedule starts executions with no caller to ask for inputs: every required input without a default
    /// must be given in the trigger's <c>inputs</c>, otherwise each scheduled execution fails to start. Kestra 2
    /// rejects such a flow; here it is a warning, because flows written for Kestra 1 (its own test flows among
    /// them) rely on it being accepted.
    /// </summary>
    private static void CheckScheduleInputs(Flow flow, TriggerTypeRegistry triggers, ValidationContext context)
    {
        var needed = flow.Inputs.Where(i => i.Required && i.Defaults is null && i.Id.Length > 0).Select(i => i.Id).ToList();
        if (needed.Count == 0)
        {
            return;
        }

        for (var i = 0; i < flow.Triggers.Count; i++)
        {
            var trigger = flow.Triggers[i];
            if (triggers.Find(trigger.Type) is not ScheduleTrigger)
            {
                continue;
            }

            var supplied = trigger.Properties.GetValueOrDefault("inputs") as IReadOnlyDictionary<string, object?>;
            var missing = needed.Where(id => supplied is null || !supplied.ContainsKey(id)).ToList();
            if (missing.Count > 0)
            {
                context.Warn(trigger.Position, $"triggers[{i}].inputs",
                    $"missing inputs for Schedule trigger '{trigger.Id}': {string.Join(", ", missing.Select(id => $"'{id}'"))} "
                    + (missing.Count == 1
                        ? "is required and has no default, so scheduled executions cannot start (Kestra 2 rejects this flow); give it a `defaults`, set `required: false`, or set it in the trigger's `inputs`"
                        : "are required and have no default, so scheduled executions cannot start (Kestra 2 rejects this flow); give each a `defaults`, set `required: false`, or set them in the trigger's `inputs`"));
            }
        }
    }

    /// <summary>Flow triggers keep their preconditions' progress under <c>preconditions.id</c>: two triggers sharing one would mix it.</summary>
    private static void CheckPreconditionIds(Flow flow, TriggerTypeRegistry triggers, ValidationContext context)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < flow.Triggers.Count; i++)
        {
            var trigger = flow.Triggers[i];
            if (triggers.Find(trigger.Type) is not FlowTrigger
                || trigger.Properties.GetValueOrDefault("preconditions") is not IReadOnlyDictionary<string, object?> preconditions
                || preconditions.GetValueOrDefault("id") is not string id)
            {
                continue;
            }

            if (!seen.TryAdd(id, trigger.Id))
            {
                context.Add(trigger.Position, $"triggers[{i}].preconditions.id",
                    $"duplicate preconditions id '{id}' (also used by trigger '{seen[id]}'): give each Flow trigger's preconditions its own id");
            }
        }
    }
}

using System.Text.RegularExpressions;
using Serverless.Engine.Flows;
using Serverless.Engine.Tasks;
using Serverless.Engine.Triggers;

namespace Serverless.Engine.Validation;

/// <summary>
/// Whole-flow checks that need more than one property: id patterns, ids unique across the flow (nested,
/// errors and finally included), each type's own checks, and the cross-cutting rules Kestra applies on save
/// (recursive subflows, item types, schedule inputs, precondition ids, dashed keys read with a dot).
/// </summary>
public static partial class FlowValidator
{
    public static void Validate(Flow flow, TaskTypeRegistry tasks, TriggerTypeRegistry triggers, ValidationContext context)
    {
        CheckUnique(flow.AllTasks().Select(t => (t.Id, t.Position)), "task", context);
        CheckUnique(flow.Triggers.Select(t => (t.Id, t.Position)), "trigger", context);
        CheckUnique(flow.Inputs.Select(i => (i.Id, i.Position)), "input", context);
        CheckUnique(flow.Outputs.Select(o => (o.Id, o.Position)), "output", context);

        foreach (var task in flow.AllTasks())
        {
            tasks.Find(task.Type)?.Validate(task, context);
        }

        for (var i = 0; i < flow.Triggers.Count; i++)
        {
            triggers.Find(flow.Triggers[i].Type)?.Validate(flow.Triggers[i], $"triggers[{i}]", context);
        }

        // Rules Kestra applies when a flow is saved (its FlowValidator and input validators).
        CheckRecursiveSubflows(flow, tasks, context);
        CheckItemTypes(flow, context);
        CheckValidators(flow, context);
        CheckScheduleInputs(flow, triggers, context);
        CheckPreconditionIds(flow, triggers, context);
        CheckDashedReferences(flow, tasks, context);
    }

    private static void CheckUnique(IEnumerable<(string Id, SourcePosition Position)> items, string kind, ValidationContext context)
    {
        var seen = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var (id, position) in items)
        {
            if (id.Length == 0)
            {
                continue;
            }

            if (!seen.TryAdd(id, position))
            {
                context.Add(position, "id", $"duplicate {kind} id '{id}' (first defined at {seen[id]}): {kind} ids must be unique in a flow");
            }
        }
    }

    /// <summary>Kestra's flow id pattern (at most 100 characters).</summary>
    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9._-]{0,99}$")]
    public static partial Regex FlowIdPattern();

    /// <summary>Kestra's namespace pattern: lower case, dot-separated.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    public static partial Regex NamespacePattern();
}

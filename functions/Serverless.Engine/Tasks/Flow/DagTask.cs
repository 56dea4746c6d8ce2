using System.Globalization;
using Serverless.Engine.Executions;
using Serverless.Engine.Flows;
using Serverless.Engine.Orchestration;
using Serverless.Engine.Validation;

namespace Serverless.Engine.Tasks.Flow;

/// <summary>
/// <c>io.kestra.plugin.core.flow.Dag</c>: runs each task once all the tasks it <c>dependsOn</c> have ended,
/// at most <c>concurrent</c> at once (0 = no limit). A failure stops new tasks from starting; with
/// <c>onChildFailure: CONTINUE</c> (the default) the running ones finish first, with <c>CANCEL</c> or <c>FAIL</c>
/// they are ended at once in CANCELLED or FAILED and the Dag fails without waiting for them.
/// <code>
/// - id: graph
///   type: io.kestra.plugin.core.flow.Dag
///   tasks:
///     - task: { id: a, type: io.kestra.plugin.core.log.Log, message: a }
///     - task: { id: b, type: io.kestra.plugin.core.log.Log, message: b }
///       dependsOn: [a]
/// </code>
/// </summary>
public sealed class DagTask : FlowableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.flow.Dag", "io.kestra.core.tasks.flows.Dag"];

    public override IReadOnlyList<PropertySpec> Properties { get; } =
        [new("tasks", PropertyKind.DagTasks, Required: true), PropertySpec.Integer("concurrent"), PropertySpec.String("onChildFailure")];

    /// <summary>The state running siblings end in after a failure, per <c>onChildFailure</c>; null to let them finish.</summary>
    private static State? InterruptState(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "CANCEL" or "CANCELLED" => State.CANCELLED,
        "FAIL" or "FAILED" => State.FAILED,
        null or "" or "CONTINUE" => null,
        _ => throw new Orchestration.FlowableException($"'onChildFailure' must be CONTINUE, CANCEL or FAIL, not '{value}'"),
    };

    public override void Validate(TaskDefinition task, ValidationContext context)
    {
        var tasks = task.Branch("tasks");
        var ids = tasks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var child in tasks)
        {
            foreach (var dependency in child.DependsOn.Where(d => !ids.Contains(d)))
            {
                context.Add(child.Position, $"{task.Id}.tasks.{child.Id}.dependsOn", $"task '{child.Id}' depends on '{dependency}', which is not a task of this Dag");
            }
        }

        if (task.Properties.GetValueOrDefault("onChildFailure") is string onChildFailure && !onChildFailure.Contains("{{", StringComparison.Ordinal)
            && onChildFailure.Trim().ToUpperInvariant() is not ("CONTINUE" or "CANCEL" or "CANCELLED" or "FAIL" or "FAILED"))
        {
            context.Add(task.PositionOf("onChildFailure"), $"{task.Id}.onChildFailure", $"'onChildFailure' must be CONTINUE, CANCEL or FAIL, not '{onChildFailure}'");
        }

        if (FindCycle(tasks) is { } cycle)
        {
            context.Add(task.Position, $"{task.Id}.tasks", $"the Dag has a cyclic dependency: {string.Join(" -> ", cycle)}");
        }
    }

    public override async Task<State> ExecuteAsync(FlowableRun run)
    {
        var limit = run.RenderProperty("concurrent") is { } l ? Convert.ToInt32(l, CultureInfo.InvariantCulture) : 0;
        var interrupt = InterruptState(run.RenderString("onChildFailure"));
        var max = limit <= 0 ? int.MaxValue : limit;
        var pending = run.Task.Branch("tasks").ToList();
        var done = new HashSet<string>(StringComparer.Ordinal);
        var running = new Dictionary<Task<State>, string>();
        var state = State.SUCCESS;
        while (pending.Count > 0 || running.Count > 0)
        {
            foreach (var ready in pending.Where(t => t.DependsOn.All(done.Contains)).ToList())
            {
                if (running.Count >= max || state.IsFailure() || run.Exiting)
                {
                    break;
                }

                pending.Remove(ready);
                running.Add(run.RunChildAsync(ready), ready.Id);
            }

            if (running.Count == 0)
            {
                break;
            }

            var finished = await Task.WhenAny(running.Keys);
            done.Add(running[finished]);
            running.Remove(finished);
            state = States.Worst(state, await finished);
            if (state.IsFailure() && interrupt is { } ending && running.Count > 0)
            {
                run.InterruptChildren(ending);
                return state;
            }
        }

        return state;
    }

    private static List<string>? FindCycle(IReadOnlyList<TaskDefinition> tasks)
    {
        var byId = tasks.GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First());
        var visiting = new List<string>();
        var visited = new HashSet<string>(StringComparer.Ordinal);

        List<string>? Visit(string id)
        {
            if (visiting.Contains(id))
            {
                return [.. visiting.Skip(visiting.IndexOf(id)), id];
            }

            if (!visited.Add(id) || !byId.TryGetValue(id, out var task))
            {
                return null;
            }

            visiting.Add(id);
            foreach (var dependency in task.DependsOn)
            {
                if (Visit(dependency) is { } cycle)
                {
                    return cycle;
                }
            }

            visiting.Remove(id);
            return null;
        }

        return tasks.Select(t => Visit(t.Id)).FirstOrDefault(c => c is not null);
    }
}

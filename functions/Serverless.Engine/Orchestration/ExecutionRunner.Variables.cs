using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Expressions;
using Serverless.Engine.Flows;

namespace Serverless.Engine.Orchestration;

/// <summary>The expression variables a task run sees, and the activity request carrying them.</summary>
internal sealed partial class ExecutionRunner
{
    private static readonly IReadOnlyDictionary<string, object?> ReplayVariables = new Dictionary<string, object?>();

    /// <summary>Template analysis per task definition: flows are immutable, so it is done once per task.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TaskDefinition, RootSet> RootsCache = [];

    private static readonly HashSet<string> AlwaysSent = ["task", "taskrun", "flow", "execution"];

    private Dictionary<string, object?> BaseVariables() => new(StringComparer.Ordinal)
    {
        ["flow"] = new Dictionary<string, object?>
        {
            ["id"] = _flow.Id,
            ["namespace"] = _flow.Namespace,
            ["revision"] = (long)_request.FlowRevision,
        },
        ["execution"] = new Dictionary<string, object?>
        {
            ["id"] = _request.ExecutionId,
            ["startDate"] = Now,
            ["originalId"] = _request.ExecutionId,
        },
        ["inputs"] = _request.Inputs ?? new Dictionary<string, object?>(),
        ["labels"] = _flow.Labels.Concat(_request.Labels).GroupBy(l => l.Key).ToDictionary(g => g.Key, g => (object?)g.Last().Value),
        ["trigger"] = _request.Trigger,
        ["envs"] = _request.Envs?.ToDictionary(e => e.Key, e => (object?)e.Value) ?? new Dictionary<string, object?>(),
    };

    /// <summary>All variables of a task run, for rendering inside the orchestration.</summary>
    internal Dictionary<string, object?> Variables(TaskDefinition task, string runId, RunFrame frame) =>
        Variables(task, _runs.Get(runId), frame);

    /// <summary>All variables of <paramref name="run"/>, which may not be recorded yet (a task group's child).</summary>
    private Dictionary<string, object?> Variables(TaskDefinition task, TaskRun run, RunFrame frame)
    {
        var variables = new Dictionary<string, object?>(_baseVariables, StringComparer.Ordinal)
        {
            ["execution"] = ExecutionVariable(),
            ["vars"] = Vars,
            ["outputs"] = _outputs.Root,
            ["task"] = new Dictionary<string, object?> { ["id"] = task.Id, ["type"] = task.Type },
            ["taskrun"] = new Dictionary<string, object?>
            {
                ["id"] = run.Id,
                ["startDate"] = run.State.StartDate,
                ["attemptsCount"] = (long)Math.Max(0, run.Attempts.Count - 1),
                ["parentId"] = run.ParentTaskRunId,
                ["value"] = run.Value,
                ["iteration"] = run.Iteration is { } i ? (long)i : null,
            },
        };

        if (LoopItem(frame) is { } item)
        {
            variables["item"] = item;
        }

        if (frame.Parent is { } parent)
        {
            variables["parent"] = new Dictionary<string, object?>
            {
                ["taskrun"] = new Dictionary<string, object?> { ["id"] = parent.Id, ["value"] = parent.Value },
                ["outputs"] = parent.Outputs,
            };
            variables["parents"] = frame.Iterations.Reverse()
                .Select(i => (object?)new Dictionary<string, object?>
                {
                    ["taskrun"] = new Dictionary<string, object?> { ["value"] = i.Owner.Value, ["id"] = i.Owner.Id },
                })
                .ToList();
        }

        return variables;
    }

    /// <summary>
    /// The <c>execution</c> variable: id, start date, original id, the current <c>state</c> (as Kestra: RUNNING while
    /// tasks run, the final state in <c>afterExecution</c>) and, once rendered, the flow's <c>outputs</c>.
    /// </summary>
    private Dictionary<string, object?> ExecutionVariable()
    {
        var execution = new Dictionary<string, object?>((IReadOnlyDictionary<string, object?>)_baseVariables["execution"]!, StringComparer.Ordinal)
        {
            ["state"] = (_state.Current == State.CREATED ? State.RUNNING : _state.Current).ToString(),
        };
        if (_flowOutputs is not null)
        {
            execution["outputs"] = _flowOutputs;
        }

        return execution;
    }

    /// <summary>The orchestration-side scope of a task run: deterministic clock and functions only.</summary>
    internal ExpressionScope Scope(TaskDefinition task, string runId, RunFrame frame) =>
        new(WithTasks(Variables(task, runId, frame)))
        {
            Now = Now,
            Functions = new Dictionary<string, ExpressionFunction>(StringComparer.Ordinal)
            {
                ["errorLogs"] = (_, _) => _errorLogs.Cast<object?>().ToList(),
            },
        };

    private TaskRequest BuildRequest(TaskDefinition task, string runId, RunFrame frame, int attempt)
    {
        if (_context.IsReplaying)
        {
            // A replayed call is matched to its history event by name and order; its input is never sent again,
            // so the variables need not be rebuilt (this keeps replays of long executions cheap).
            return NewRequest(task, runId, attempt, ReplayVariables);
        }

        var all = Variables(task, runId, frame);
        all["errorLogs"] = _errorLogs.Cast<object?>().ToList();
        var roots = RootsReferenced(task);
        if (roots?.Contains("tasks") == true)
        {
            all["tasks"] = TasksVariable();
        }

        return NewRequest(task, runId, attempt, Prune(all, roots));
    }

    private TaskRequest NewRequest(TaskDefinition task, string runId, int attempt, IReadOnlyDictionary<string, object?> variables) => new()
    {
        ExecutionId = _request.ExecutionId,
        Namespace = _flow.Namespace,
        FlowId = _flow.Id,
        TaskRunId = runId,
        TaskId = task.Id,
        Type = task.Type,
        Attempt = attempt,
        Properties = task.Properties,
        Variables = variables,
        Now = Now,
        Timeout = task.Timeout,
        LogLevel = task.LogLevel,
    };

    /// <summary>The variables whose root a template uses, plus those always sent; all of them when <paramref name="roots"/> is null.</summary>
    private static Dictionary<string, object?> Prune(Dictionary<string, object?> all, HashSet<string>? roots) => roots is null
        ? all
        : all.Where(v => AlwaysSent.Contains(v.Key) || roots.Contains(v.Key) || v.Key == "errorLogs" && roots.Contains("errorLogs"))
            .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    /// <summary>
    /// The root variables a task's templates use, so an activity receives only those; null (send all) when a
    /// template renders other templates (<c>render</c>, <c>vars</c>) and cannot be analysed.
    /// </summary>
    private static HashSet<string>? RootsReferenced(TaskDefinition task) =>
        RootsCache.GetValue(task, t => new RootSet(RootsReferenced(Strings(t.Properties)))).Roots;

    private static HashSet<string>? RootsReferenced(IEnumerable<string> texts)
    {
        var roots = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            if (!ExpressionEngine.ContainsTemplate(text))
            {
                continue;
            }

            if (text.Contains("render", StringComparison.Ordinal) || text.Contains("errorLogs", StringComparison.Ordinal))
            {
                return null;
            }

            roots.UnionWith(ExpressionEngine.Shared.RootVariables(text));
        }

        return roots.Contains("vars") ? null : roots;
    }

    private static IEnumerable<string> Strings(object? value) => value switch
    {
        string s => [s],
        IReadOnlyDictionary<string, object?> map => map.Keys.Concat(map.Values.SelectMany(Strings)),
        IEnumerable<object?> list => list.SelectMany(Strings),
        _ => [],
    };

    private sealed record RootSet(HashSet<string>? Roots);
}

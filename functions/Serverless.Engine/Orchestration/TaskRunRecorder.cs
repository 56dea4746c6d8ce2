using Serverless.Engine.Executions;

namespace Serverless.Engine.Orchestration;

/// <summary>
/// The execution's task runs in creation order, updated in place as they change. Lives in the orchestration
/// and is rebuilt identically on replay.
/// </summary>
internal sealed class TaskRunRecorder
{
    private readonly List<TaskRun> _runs = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public IReadOnlyList<TaskRun> Runs => _runs;

    /// <summary>Bumped on every change; lets the orchestration publish progress only when something changed.</summary>
    public int Version { get; private set; }

    public TaskRun Add(TaskRun run)
    {
        _index[run.Id] = _runs.Count;
        _runs.Add(run);
        Version++;
        return run;
    }

    public TaskRun Get(string id) => _runs[_index[id]];

    public TaskRun Update(string id, Func<TaskRun, TaskRun> change)
    {
        var i = _index[id];
        _runs[i] = change(_runs[i]);
        Version++;
        return _runs[i];
    }

    /// <summary>Moves a task run to <paramref name="state"/>; attempts keep their own states.</summary>
    public TaskRun Transition(string id, State state, DateTimeOffset at) => Update(id, run => run with { State = run.State.To(state, at) });
}

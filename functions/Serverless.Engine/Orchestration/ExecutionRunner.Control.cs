using Serverless.Engine.Executions;
using Serverless.Engine.Flows;

namespace Serverless.Engine.Orchestration;

/// <summary>Execution-wide controls flowable tasks use: Exit, Labels, the PAUSED state, interrupting branches.</summary>
internal sealed partial class ExecutionRunner
{
    private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, State> _interrupted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CancellationTokenSource> _interrupters = new(StringComparer.Ordinal);
    private int _paused;

    /// <summary>Set by an Exit task: no new task starts, and the execution ends in this state.</summary>
    internal State? ExitState { get; private set; }

    /// <summary>The execution's labels: the flow's, the request's, then those set by Labels tasks.</summary>
    internal IReadOnlyList<Label> Labels =>
    [
        .. _flow.Labels.Concat(_request.Labels).Where(l => !_labels.ContainsKey(l.Key)).GroupBy(l => l.Key).Select(g => g.Last()),
        .. _labels.Select(l => new Label(l.Key, l.Value)),
    ];

    internal void RequestExit(State state) => ExitState ??= state;

    internal void SetLabel(string key, string value) => _labels[key] = value;

    /// <summary>Marks the execution PAUSED while at least one task waits to be resumed.</summary>
    internal void EnterPause()
    {
        if (_paused++ == 0)
        {
            _state = _state.To(State.PAUSED, Now);
        }
    }

    internal void LeavePause()
    {
        if (--_paused == 0)
        {
            _state = _state.To(State.RUNNING, Now);
        }
    }

    /// <summary>Whether <paramref name="run"/> was interrupted by <see cref="InterruptDescendants"/>.</summary>
    internal bool IsInterrupted(TaskRun? run) => run is not null && _interrupted.ContainsKey(run.Id);

    /// <summary>The state an interrupted task run was ended in.</summary>
    internal State InterruptedState(string runId) => _interrupted[runId];

    /// <summary>
    /// Cancelled when task run <paramref name="runId"/> is interrupted. Durable timers must use it: an orchestration
    /// does not complete while a timer it created is still pending, so an abandoned Sleep would hold the execution.
    /// </summary>
    internal CancellationToken InterruptToken(string runId)
    {
        if (_interrupted.ContainsKey(runId))
        {
            return new CancellationToken(canceled: true);
        }

        if (!_interrupters.TryGetValue(runId, out var source))
        {
            source = new CancellationTokenSource();
            _interrupters[runId] = source;
        }

        return source.Token;
    }

    /// <summary>
    /// Ends every task run below <paramref name="parentRunId"/> (any depth) that has not ended yet in
    /// <paramref name="state"/> (Dag <c>onChildFailure</c>). Durable cannot cancel a running activity or timer, so
    /// the interrupted branches are abandoned instead: their results are ignored and they start nothing new.
    /// </summary>
    internal void InterruptDescendants(string parentRunId, State state)
    {
        var below = new HashSet<string>(StringComparer.Ordinal) { parentRunId };
        var cancel = new List<CancellationTokenSource>();
        foreach (var run in _runs.Runs.ToList())
        {
            // Task runs are recorded in creation order, so a parent is always seen before its children.
            if (run.ParentTaskRunId is not { } parent || !below.Contains(parent))
            {
                continue;
            }

            below.Add(run.Id);
            if (run.State.Current.IsTerminated())
            {
                continue;
            }

            if (run.State.Current == State.PAUSED)
            {
                LeavePause();
            }

            _interrupted[run.Id] = state;
            if (_interrupters.Remove(run.Id, out var source))
            {
                cancel.Add(source);
            }

            _runs.Update(run.Id, r => r with
            {
                State = r.State.To(state, Now),
                Attempts = [.. r.Attempts.Select(a => a.State.Current.IsTerminated() ? a : new TaskRunAttempt(a.State.To(state, Now)))],
            });
        }

        // Cancelled once every run is marked: the timers' continuations may run inline, and find a consistent state.
        // Cancel() (never CancelAsync) keeps them on the orchestration's own thread.
        foreach (var source in cancel)
        {
            source.Cancel();
            source.Dispose();
        }
    }
}

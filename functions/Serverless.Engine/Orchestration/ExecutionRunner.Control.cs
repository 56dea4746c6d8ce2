using Serverless.Engine.Executions;
using Serverless.Engine.Flows;

namespace Serverless.Engine.Orchestration;

/// <summary>Execution-wide controls flowable tasks use: Exit, Labels, the PAUSED state.</summary>
internal sealed partial class ExecutionRunner
{
    private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal);
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
}

using Microsoft.DurableTask;
using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Expressions;
using Serverless.Engine.Flows;
using Serverless.Engine.Tasks;

namespace Serverless.Engine.Orchestration;

/// <summary>
/// What a flowable task may do while it runs inside the orchestration: render its properties
/// deterministically, run child tasks (in sequence, per iteration, concurrently), set its outputs, and use
/// durable timers and events through <see cref="Context"/>.
/// </summary>
public sealed class FlowableRun
{
    private readonly ExecutionRunner _runner;
    private readonly RunFrame _frame;

    internal FlowableRun(ExecutionRunner runner, TaskDefinition task, string runId, RunFrame frame)
    {
        _runner = runner;
        Task = task;
        RunId = runId;
        _frame = frame;
    }

    public TaskDefinition Task { get; }

    public string RunId { get; }

    /// <summary>The task run as it stands now.</summary>
    public TaskRun TaskRun => _runner.Runs.Get(RunId);

    /// <summary>The durable context, for timers and external events. Never do I/O through anything else.</summary>
    public TaskOrchestrationContext Context => _runner.Context;

    /// <summary>The host's parsed flows, for the flows this task starts.</summary>
    public FlowCache Flows => _runner.Flows;

    /// <summary>
    /// Cancelled if this task run is interrupted (a Dag's <c>onChildFailure</c>). Pass it to every durable timer:
    /// an orchestration does not complete while one of its timers is pending.
    /// </summary>
    public CancellationToken Interrupted => _runner.InterruptToken(RunId);

    /// <summary>The orchestration's clock.</summary>
    public DateTimeOffset Now => _runner.Now;

    /// <summary>The scope expressions of this task render in.</summary>
    public ExpressionScope Scope => _runner.Scope(Task, RunId, _frame);

    /// <summary>A property rendered deeply (a lone <c>{{ x }}</c> keeps its type); null when absent.</summary>
    public object? RenderProperty(string name) =>
        Task.Properties.TryGetValue(name, out var raw) ? ValueRenderer.Render(raw, Scope) : null;

    /// <summary>A property rendered as text; null when absent.</summary>
    public string? RenderString(string name) => RenderProperty(name) switch
    {
        null => null,
        string s => s,
        var other => ExpressionEngine.ToText(other),
    };

    /// <summary>Sets this task run's outputs (<c>outputs.{id}</c>).</summary>
    public void SetOutputs(IReadOnlyDictionary<string, object?> outputs) =>
        _runner.SetOutputs(Task, RunId, _frame, outputs);

    /// <summary>Runs <paramref name="tasks"/> in sequence as children of this task run; a failure stops them.</summary>
    public Task<State> RunSequenceAsync(IReadOnlyList<TaskDefinition> tasks) =>
        _runner.RunSequenceAsync(tasks, _frame.ChildOf(TaskRun));

    /// <summary>Runs one child task; returns its state as its parent counts it (allowFailure applied).</summary>
    public async Task<State> RunChildAsync(TaskDefinition task) =>
        task.Disabled ? State.SUCCESS : ExecutionRunner.Effective(await _runner.RunTaskAsync(task, _frame.ChildOf(TaskRun)), task);

    /// <summary>Runs <paramref name="tasks"/> in sequence for one iteration value (ForEach).</summary>
    public Task<State> RunIterationAsync(IReadOnlyList<TaskDefinition> tasks, object? value, int index) =>
        _runner.RunSequenceAsync(tasks, _frame.Iteration(TaskRun, value, index));

    /// <summary>
    /// Marks this task run as a Loop: its iterations see the <c>item</c> variable, with <paramref name="keys"/> as
    /// <c>item.key</c> when the values were a map.
    /// </summary>
    public void RegisterLoop(IReadOnlyList<string>? keys) => _runner.RegisterLoop(RunId, keys);

    /// <summary>A new replay-safe task run id, for children an activity runs (<see cref="BuildGroupRequest"/>).</summary>
    public string NewRunId() => _runner.NewId();

    /// <summary>
    /// The activity input that runs runnable <paramref name="children"/> together, as child task runs
    /// <paramref name="runIds"/> of this one (WorkingDirectory). Nothing is recorded until <see cref="RecordChild"/>.
    /// </summary>
    public TaskGroupRequest BuildGroupRequest(IReadOnlyList<TaskDefinition> children, IReadOnlyList<string> runIds) =>
        _runner.BuildGroupRequest(Task, RunId, _frame, children, runIds);

    /// <summary>Creates and ends the task run of a child an activity ran; returns its state as its parent counts it (allowFailure applied).</summary>
    public State RecordChild(TaskDefinition child, TaskGroupChildResult result) =>
        ExecutionRunner.Effective(_runner.RecordGroupChild(child, RunId, _frame, result), child);

    /// <summary>Ends the execution in <paramref name="state"/>: no new task starts after this one.</summary>
    public void Exit(State state) => _runner.RequestExit(state);

    /// <summary>Whether an Exit task asked the execution to stop.</summary>
    public bool Exiting => _runner.ExitState is not null;

    /// <summary>Adds or replaces a label on the execution.</summary>
    public void SetLabel(string key, string value) => _runner.SetLabel(key, value);

    /// <summary>The execution's variables (<c>vars</c>) as they stand.</summary>
    public IReadOnlyDictionary<string, object?> Variables => _runner.Vars;

    /// <summary>Replaces the execution's variables: later tasks see the new <c>vars</c>.</summary>
    public void SetVariables(IReadOnlyDictionary<string, object?> variables) => _runner.SetVars(variables);

    /// <summary>Moves this task run (and the execution) to PAUSED until <see cref="LeavePause"/>.</summary>
    public void EnterPause()
    {
        _runner.Runs.Transition(RunId, State.PAUSED, Now);
        _runner.EnterPause();
    }

    /// <summary>Back to RUNNING after a pause (nothing, if the pause was interrupted meanwhile).</summary>
    public void LeavePause()
    {
        if (_runner.IsInterrupted(TaskRun))
        {
            return;
        }

        _runner.Runs.Transition(RunId, State.RUNNING, Now);
        _runner.LeavePause();
    }

    /// <summary>
    /// Ends every child task run of this task (any depth) still running in <paramref name="state"/> (CANCELLED or
    /// FAILED) and abandons their branches: what they do afterwards is ignored, and they start no new task.
    /// Durable cannot stop an activity already running; its result is simply dropped.
    /// </summary>
    public void InterruptChildren(State state) => _runner.InterruptDescendants(RunId, state);

    /// <summary>The flow being executed.</summary>
    public Flow Flow => _runner.Flow;

    /// <summary>The id of the execution.</summary>
    public string ExecutionId => _runner.ExecutionId;

    /// <summary>Labels of the execution as they stand.</summary>
    public IReadOnlyList<Label> Labels => _runner.Labels;

    /// <summary>Marks this task run failed with a message and returns FAILED.</summary>
    public State Fail(string message) => _runner.Fail(RunId, Task.Id, message);

    /// <summary>
    /// Runs branches with at most <paramref name="limit"/> at once (0 = no limit). Once one fails, no new branch
    /// starts; running ones finish. Returns the worst state.
    /// </summary>
    public Task<State> RunConcurrentlyAsync(IReadOnlyList<Func<Task<State>>> branches, int limit) =>
        RunBranchesAsync(branches, limit, () => Exiting);

    /// <summary>
    /// Runs <paramref name="tasks"/> once per value (ForEach), at most <paramref name="limit"/> iterations at once
    /// (0 = no limit); wide loops run in slices with short histories of their own.
    /// </summary>
    public Task<State> RunIterationsAsync(IReadOnlyList<TaskDefinition> tasks, IReadOnlyList<object?> values, int limit) =>
        _runner.RunIterationsAsync(tasks, _frame, TaskRun, values, limit);

    internal static async Task<State> RunBranchesAsync(IReadOnlyList<Func<Task<State>>> branches, int limit, Func<bool> stop)
    {
        var state = State.SUCCESS;
        var running = new List<Task<State>>();
        var next = 0;
        var max = limit <= 0 ? int.MaxValue : limit;
        while (next < branches.Count || running.Count > 0)
        {
            while (next < branches.Count && running.Count < max && !state.IsFailure() && !stop())
            {
                running.Add(branches[next++]());
            }

            if (running.Count == 0)
            {
                break;
            }

            var done = await System.Threading.Tasks.Task.WhenAny(running);
            running.Remove(done);
            state = States.Worst(state, await done);
        }

        return state;
    }
}

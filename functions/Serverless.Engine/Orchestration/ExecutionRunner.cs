using Microsoft.DurableTask;
using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Expressions;
using Serverless.Engine.Flows;
using Serverless.Engine.Tasks;

namespace Serverless.Engine.Orchestration;

/// <summary>
/// Interprets one execution of a flow inside the orchestration: walks the task tree, creates task runs as
/// Kestra does, runs runnable tasks as activities and flowable tasks as orchestration logic.
/// </summary>
/// <remarks>
/// Everything here replays: time comes from <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>, ids
/// from <see cref="TaskOrchestrationContext.NewGuid"/>, waits are durable timers, I/O happens in activities.
/// </remarks>
internal sealed partial class ExecutionRunner
{
    private readonly TaskOrchestrationContext _context;
    private readonly ExecutionRequest _request;
    private readonly Flow _flow;
    private readonly TaskTypeRegistry _types;
    private readonly TaskRunRecorder _runs = new();
    private readonly OutputStore _outputs;
    private readonly FlowCache _flows;
    private readonly List<IReadOnlyDictionary<string, object?>> _errorLogs = [];
    private readonly Dictionary<string, object?> _baseVariables;
    private StateInfo _state;
    private string? _error;

    public ExecutionRunner(TaskOrchestrationContext context, ExecutionRequest request, Flow flow, FlowCache flows)
        : this(context, request, flow, flows, outputs: null)
    {
    }

    private ExecutionRunner(TaskOrchestrationContext context, ExecutionRequest request, Flow flow, FlowCache flows, IReadOnlyDictionary<string, object?>? outputs)
    {
        _context = context;
        _request = request;
        _flow = flow;
        _flows = flows;
        _types = flows.Types;
        _outputs = new OutputStore(outputs);
        _state = StateInfo.Of(State.CREATED, Now);
        _baseVariables = BaseVariables();
        context.SetCustomStatus(new ExecutionProgress(this));
    }

    internal DateTimeOffset Now => new(DateTime.SpecifyKind(_context.CurrentUtcDateTime, DateTimeKind.Utc));

    internal TaskOrchestrationContext Context => _context;

    internal string ExecutionId => _request.ExecutionId;

    internal Flow Flow => _flow;

    /// <summary>The host's parsed flows: subflows are parsed with the same task types as this flow.</summary>
    internal FlowCache Flows => _flows;

    internal StateInfo CurrentState => _state;

    internal TaskRunRecorder Runs => _runs;

    /// <summary>Runs the execution to its final state and returns it.</summary>
    public async Task<Execution> RunAsync()
    {
        _state = _state.To(State.RUNNING, Now);
        var state = await RunSequenceAsync(_flow.Tasks, RunFrame.Root);
        if (state.IsFailure() && _flow.Errors.Count > 0)
        {
            await RunSequenceAsync(_flow.Errors, RunFrame.Root);
        }

        if (_flow.Finally.Count > 0)
        {
            state = States.Worst(state, Effective(await RunSequenceAsync(_flow.Finally, RunFrame.Root)));
        }

        var outputs = RenderFlowOutputs(ref state);
        state = ExitState ?? state;
        _state = _state.To(state == State.SKIPPED ? State.SUCCESS : state, Now);
        if (_flow.AfterExecution.Count > 0)
        {
            await RunSequenceAsync(_flow.AfterExecution, RunFrame.Root);
        }

        var execution = await ArchiveLargeTaskRunListAsync(Snapshot(outputs));
        try
        {
            await _context.CallActivityAsync<bool>(OrchestrationNames.ExecutionEnded, execution, StorageRetry.Options);
        }
        catch (TaskFailedException)
        {
            // Storage stayed unreachable through every retry: the execution's own result stands (it is the
            // orchestration's output); only its stored record misses the end.
        }

        return execution;
    }

    /// <summary>
    /// Keeps payloads under the Durable limits: an execution with more than <see cref="TaskRunArchive.ChunkSize"/>
    /// task runs saves them to internal storage in chunks and returns without the list.
    /// </summary>
    private async Task<Execution> ArchiveLargeTaskRunListAsync(Execution execution)
    {
        if (execution.TaskRunList.Count <= TaskRunArchive.ChunkSize)
        {
            return execution;
        }

        var chunks = execution.TaskRunList.Chunk(TaskRunArchive.ChunkSize).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            await _context.CallActivityAsync<bool>(OrchestrationNames.SaveTaskRuns, new TaskRunChunk(execution.Namespace, execution.FlowId, execution.Id, i, chunks[i]), StorageRetry.Options);
        }

        return execution with { TaskRunList = [], TaskRunChunks = chunks.Count };
    }

    /// <summary>The execution as it stands.</summary>
    internal Execution Snapshot(IReadOnlyDictionary<string, object?>? outputs = null) => new()
    {
        Id = _request.ExecutionId,
        Namespace = _flow.Namespace,
        FlowId = _flow.Id,
        FlowRevision = _request.FlowRevision,
        State = _state,
        Inputs = _request.Inputs,
        Outputs = outputs,
        Labels = Labels,
        Variables = Vars.Count > 0 ? Vars : null,
        Trigger = _request.Trigger,
        TaskRunList = [.. _runs.Runs],
        ParentId = _request.ParentExecutionId,
        Error = _error,
    };

    /// <summary>Runs tasks one after the other; a failure stops the sequence.</summary>
    internal async Task<State> RunSequenceAsync(IReadOnlyList<TaskDefinition> tasks, RunFrame frame)
    {
        if (CanSegment(tasks, SequenceSegmentSize))
        {
            return await RunSequenceInSegmentsAsync(tasks, frame);
        }

        return await RunChunkAsync(tasks, frame);
    }

    /// <summary>How a child's state counts for its parent: allowFailure, allowWarning and SKIPPED applied.</summary>
    internal static State Effective(State state, TaskDefinition? task = null) => Tolerated(state, task) switch
    {
        State.SKIPPED => State.SUCCESS,
        var tolerated => tolerated,
    };

    /// <summary>
    /// A task run's own final state, as Kestra records it: a failure of an <c>allowFailure</c> task is WARNING,
    /// then a WARNING of an <c>allowWarning</c> task is SUCCESS (its attempts keep their own states).
    /// </summary>
    internal static State Tolerated(State state, TaskDefinition? task)
    {
        if (state == State.FAILED && task?.AllowFailure == true)
        {
            state = State.WARNING;
        }

        return state == State.WARNING && task?.AllowWarning == true ? State.SUCCESS : state;
    }

    /// <summary>Creates the task run of <paramref name="task"/> and runs it to a final state.</summary>
    internal async Task<State> RunTaskAsync(TaskDefinition task, RunFrame frame)
    {
        if (IsInterrupted(frame.Parent))
        {
            // The parent was interrupted (Dag onChildFailure) while this branch still ran: start nothing more.
            return InterruptedState(frame.Parent!.Id);
        }

        var run = CreateRun(task, frame);
        if (task.RunIf is { } runIf)
        {
            bool proceed;
            try
            {
                proceed = Truthiness.IsTruthy(ExpressionEngine.Shared.RenderTyped(runIf, Scope(task, run.Id, frame)));
            }
            catch (ExpressionException e)
            {
                return Fail(run.Id, task.Id, $"runIf: {e.Message}");
            }

            if (!proceed)
            {
                // As in Kestra, a skipped task run carries one SKIPPED attempt.
                _runs.Update(run.Id, r => r with { State = r.State.To(State.SKIPPED, Now), Attempts = [new TaskRunAttempt(StateInfo.Of(State.SKIPPED, Now))] });
                return State.SKIPPED;
            }
        }

        _runs.Transition(run.Id, State.RUNNING, Now);
        var type = _types.Get(task.Type);
        var state = type is FlowableTaskType flowable
            ? await RunFlowableAsync(flowable, task, run.Id, frame)
            : await RunRunnableAsync(task, run.Id, frame);
        if (IsInterrupted(run))
        {
            // Interrupted while running: its state was set then, and whatever it did since is ignored.
            return InterruptedState(run.Id);
        }

        state = Tolerated(state, task);
        _runs.Transition(run.Id, state, Now);
        return state;
    }

    private async Task<State> RunFlowableAsync(FlowableTaskType type, TaskDefinition task, string runId, RunFrame frame)
    {
        State state;
        try
        {
            state = await type.ExecuteAsync(new FlowableRun(this, task, runId, frame));
        }
        catch (Exception e) when (e is ExpressionException or FlowableException or FormatException)
        {
            state = Fail(runId, task.Id, e.Message);
        }
        catch (OperationCanceledException) when (_interrupted.TryGetValue(runId, out var interrupted))
        {
            return interrupted; // its timer was cancelled: the branch was abandoned
        }

        var children = frame.ChildOf(_runs.Get(runId));
        var failed = state.IsFailure();
        if (failed && task.Branch("errors") is { Count: > 0 } errors)
        {
            await RunSequenceAsync(errors, children);
        }

        if (task.Branch("finally") is { Count: > 0 } finallyTasks)
        {
            state = States.Worst(state, Effective(await RunSequenceAsync(finallyTasks, children)));
        }

        // AllowFailure: its errors branch ran above (the failure is real for it), then the failure counts as WARNING.
        return failed && type.FailureIsWarning ? State.WARNING : state;
    }

    private TaskRun CreateRun(TaskDefinition task, RunFrame frame) => _runs.Add(NewRun(task, frame, NewId(), Now));

    /// <summary>A CREATED task run of <paramref name="task"/>, not recorded yet.</summary>
    private TaskRun NewRun(TaskDefinition task, RunFrame frame, string id, DateTimeOffset at) => new()
    {
        Id = id,
        ExecutionId = _request.ExecutionId,
        Namespace = _flow.Namespace,
        FlowId = _flow.Id,
        TaskId = task.Id,
        ParentTaskRunId = frame.Parent?.Id,
        Value = frame.Iterations.LastOrDefault(i => i.Text is not null)?.Text,
        Iteration = frame.Current?.Index,
        State = StateInfo.Of(State.CREATED, at),
    };

    /// <summary>Marks a task run FAILED with <paramref name="message"/>, recorded for <c>errorLogs()</c>.</summary>
    internal State Fail(string runId, string taskId, string message)
    {
        RecordError(taskId, runId, message);
        _runs.Transition(runId, State.FAILED, Now);
        return State.FAILED;
    }

    internal void RecordError(string taskId, string runId, string message)
    {
        _error ??= $"{taskId}: {message}";
        _errorLogs.Add(new Dictionary<string, object?>
        {
            ["taskId"] = taskId,
            ["taskRunId"] = runId,
            ["level"] = "ERROR",
            ["message"] = message,
            ["timestamp"] = Now,
        });
    }

    /// <summary>A deterministic Kestra-style short id (base62 of a replay-safe GUID).</summary>
    internal string NewId() => ShortIds.From(_context.NewGuid());
}

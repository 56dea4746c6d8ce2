using System.Runtime.CompilerServices;
using Microsoft.DurableTask;
using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Flows;
using Serverless.Engine.Tasks;
using Serverless.Engine.Tasks.Flow;

namespace Serverless.Engine.Orchestration;

/// <summary>
/// Bounded histories: a long sequence or a wide ForEach runs in slices, each a sub-orchestration with its own
/// short history, so replay cost stays flat however long the flow is, and no history outgrows Azure's limits.
/// Slices that contain a Pause are not split off (resume events go to the execution's own instance).
/// </summary>
internal sealed partial class ExecutionRunner
{
    /// <summary>Tasks per slice of a long sequence.</summary>
    internal const int SequenceSegmentSize = 40;

    /// <summary>Iterations per slice of a wide ForEach.</summary>
    internal const int IterationSegmentSize = 100;

    /// <summary>Tasks by id, per flow: a segment looks its tasks up in every episode.</summary>
    private static readonly ConditionalWeakTable<Flow, Dictionary<string, TaskDefinition>> TasksById = [];

    /// <summary>Runs the part of an execution a parent handed to this segment orchestration.</summary>
    public static async Task<SegmentResult> RunSegmentAsync(TaskOrchestrationContext context, SegmentRequest request, FlowCache flows)
    {
        var flow = request.PackedFlowSource is { } packed ? flows.GetPacked(packed) : flows.Get(request.Execution.FlowSource);
        var runner = new ExecutionRunner(context, request.Execution, flow, flows, request.Outputs) { _packedSource = request.PackedFlowSource };
        runner._errorLogs.AddRange(request.ErrorLogs);
        runner._vars = request.Variables;
        runner.RestoreLoops(request.Loops);
        var byId = TasksById.GetValue(flow, f => f.AllTasks().ToDictionary(t => t.Id, StringComparer.Ordinal));
        var tasks = request.TaskIds.Select(id => byId[id]).ToList();
        var frame = new RunFrame(request.Parent, [.. request.Iterations.Select(i => new IterationValue(i.Value, i.Index, i.Owner))]);
        var state = request.Values is { } values
            ? await runner.RunIterationSliceAsync(tasks, frame, values, request.FirstIndex, request.ConcurrencyLimit)
            : await runner.RunChunkAsync(tasks, frame);
        return new SegmentResult
        {
            State = state,
            TaskRuns = [.. runner._runs.Runs],
            Outputs = runner._outputs.Changes,
            ErrorLogs = [.. runner._errorLogs.Skip(request.ErrorLogs.Count)],
            Labels = [.. runner._labels.Select(l => new Label(l.Key, l.Value))],
            ExitState = runner.ExitState,
            Variables = runner._varsChanged ? runner.Vars : null,
            Error = runner._error,
        };
    }

    /// <summary>Runs ForEach iterations, in slices when there are many.</summary>
    internal async Task<State> RunIterationsAsync(IReadOnlyList<TaskDefinition> tasks, RunFrame loopFrame, TaskRun loop, IReadOnlyList<object?> values, int limit)
    {
        if (values.Count <= IterationSegmentSize * 2 || !CanSegment(tasks, 0))
        {
            return await RunIterationSliceAsync(tasks, loopFrame.ChildOf(loop), values, 0, limit, loop);
        }

        var slices = values.Chunk(IterationSegmentSize)
            .Select((slice, i) => (Func<Task<State>>)(() => RunSegmentAsync(tasks, new SegmentRequest
            {
                Execution = _request,
                TaskIds = [.. tasks.Select(t => t.Id)],
                Parent = loop,
                Iterations = [.. loopFrame.Iterations.Select(it => new SegmentIteration(it.Value, it.Index, it.Owner))],
                Values = slice,
                FirstIndex = i * IterationSegmentSize,
                ConcurrencyLimit = limit,
            })))
            .ToList();
        return await FlowableRun.RunBranchesAsync(slices, limit == 0 ? 0 : 1, () => ExitState is not null);
    }

    private Task<State> RunIterationSliceAsync(IReadOnlyList<TaskDefinition> tasks, RunFrame frame, IReadOnlyList<object?> values, int firstIndex, int limit, TaskRun? loop = null)
    {
        var owner = loop ?? frame.Parent!;
        var parentFrame = frame with { Parent = frame.Parent };
        var branches = values
            .Select((value, i) => (Func<Task<State>>)(() => RunSequenceAsync(tasks, parentFrame.Iteration(owner, value, firstIndex + i))))
            .ToList();
        return FlowableRun.RunBranchesAsync(branches, limit, () => ExitState is not null);
    }

    private async Task<State> RunSequenceInSegmentsAsync(IReadOnlyList<TaskDefinition> tasks, RunFrame frame)
    {
        var state = State.SUCCESS;
        foreach (var chunk in tasks.Chunk(SequenceSegmentSize))
        {
            var part = await RunSegmentAsync(chunk, new SegmentRequest
            {
                Execution = _request,
                TaskIds = [.. chunk.Select(t => t.Id)],
                Parent = frame.Parent,
                Iterations = [.. frame.Iterations.Select(it => new SegmentIteration(it.Value, it.Index, it.Owner))],
            });
            state = States.Worst(state, part);
            if (part.IsFailure() || ExitState is not null)
            {
                break;
            }
        }

        return state;
    }

    /// <summary>A slice of a sequence, run here without splitting it again.</summary>
    private async Task<State> RunChunkAsync(IReadOnlyList<TaskDefinition> tasks, RunFrame frame)
    {
        var state = State.SUCCESS;
        foreach (var task in tasks)
        {
            if (ExitState is not null)
            {
                break;
            }

            if (task.Disabled)
            {
                continue;
            }

            var effective = Effective(await RunTaskAsync(task, frame), task);
            state = States.Worst(state, effective);
            if (effective.IsFailure())
            {
                break;
            }
        }

        return state;
    }

    /// <summary>Runs a segment of <paramref name="tasks"/> as a sub-orchestration and folds what it did into this execution.</summary>
    private async Task<State> RunSegmentAsync(IReadOnlyList<TaskDefinition> tasks, SegmentRequest request)
    {
        // A replayed call is matched by name and order and never sent again: skip building its input.
        var input = _context.IsReplaying ? request : request with
        {
            Execution = _request with { FlowSource = "" },
            PackedFlowSource = PackedSource,
            Outputs = OutputsReadBy(tasks),
            ErrorLogs = [.. _errorLogs],
            Variables = _vars,
            Loops = LoopsFor(request),
        };
        var result = await _context.CallSubOrchestratorAsync<SegmentResult>(
            OrchestrationNames.Segment,
            input,
            new SubOrchestrationOptions { InstanceId = $"{_request.ExecutionId}:{NewId()}" });
        foreach (var run in result.TaskRuns)
        {
            _runs.Add(run);
        }

        foreach (var set in result.Outputs)
        {
            _outputs.Set(set.TaskId, set.Path, set.Outputs ?? new Dictionary<string, object?>());
        }

        _errorLogs.AddRange(result.ErrorLogs);
        foreach (var label in result.Labels)
        {
            _labels[label.Key] = label.Value;
        }

        if (result.Variables is { } vars)
        {
            SetVars(vars);
        }

        if (result.ExitState is { } exit)
        {
            RequestExit(exit);
        }

        _error ??= result.Error;
        return result.State;
    }

    /// <summary>
    /// Whether <paramref name="tasks"/> may run in a segment: more than <paramref name="threshold"/> of them, and
    /// no Pause anywhere below (its resume event is raised to the execution's own instance).
    /// </summary>
    private static bool CanSegment(IReadOnlyList<TaskDefinition> tasks, int threshold) =>
        tasks.Count > threshold && !tasks.SelectMany(t => t.SelfAndDescendants()).Any(t => t.Type == PauseTypeName);

    private static readonly string PauseTypeName = new PauseTask().Name;
}

using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Flows;

namespace Serverless.Engine.Orchestration;

/// <summary>
/// Task groups (WorkingDirectory): children that one activity runs together. The orchestration gives them
/// their ids up front and records their task runs from the activity's answer, so a child that never ran
/// (after a failure) has no task run, as in Kestra.
/// </summary>
internal sealed partial class ExecutionRunner
{
    /// <summary>The variables a child carries itself; everything else is shared by the group.</summary>
    private static readonly HashSet<string> ChildOwnVariables = ["task", "taskrun", "parent", "parents"];

    /// <summary>The activity input running <paramref name="children"/> as task runs <paramref name="childRunIds"/> of group run <paramref name="runId"/>.</summary>
    internal TaskGroupRequest BuildGroupRequest(TaskDefinition group, string runId, RunFrame frame, IReadOnlyList<TaskDefinition> children, IReadOnlyList<string> childRunIds)
    {
        var groupRun = _runs.Get(runId);
        var childFrame = frame.ChildOf(groupRun);
        var shared = Variables(group, groupRun, frame);
        shared["errorLogs"] = _errorLogs.Cast<object?>().ToList();
        var texts = children.Prepend(group).SelectMany(t => Strings(t.Properties))
            .Concat(children.Select(c => c.RunIf).OfType<string>());
        var roots = RootsReferenced(texts);
        if (roots?.Contains("tasks") == true)
        {
            shared["tasks"] = TasksVariable();
        }

        var tasks = children.Select((child, i) =>
        {
            var own = Variables(child, NewRun(child, childFrame, childRunIds[i], Now), childFrame)
                .Where(v => ChildOwnVariables.Contains(v.Key))
                .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
            return new TaskGroupChild
            {
                Request = NewRequest(child, childRunIds[i], 0, own),
                Retry = child.Retry ?? _flow.Retry,
                AllowFailure = child.AllowFailure,
                RunIf = child.RunIf,
            };
        }).ToList();

        return new TaskGroupRequest
        {
            ExecutionId = _request.ExecutionId,
            Namespace = _flow.Namespace,
            FlowId = _flow.Id,
            TaskRunId = runId,
            TaskId = group.Id,
            Properties = group.Properties,
            Variables = Prune(shared, roots),
            OutputPath = frame.OutputPath,
            Tasks = tasks,
            Now = Now,
            Timeout = group.Timeout,
            LogLevel = group.LogLevel,
        };
    }

    /// <summary>
    /// Records the task run of a child the group activity ran: its attempts, outputs and final state (with the
    /// worker's dates); returns that state before allowFailure.
    /// </summary>
    internal State RecordGroupChild(TaskDefinition child, string groupRunId, RunFrame frame, TaskGroupChildResult outcome)
    {
        var childFrame = frame.ChildOf(_runs.Get(groupRunId));
        var run = _runs.Add(NewRun(child, childFrame, outcome.TaskRunId, outcome.StartDate));
        var result = outcome.Result;
        if (result.State == State.SKIPPED)
        {
            _runs.Transition(run.Id, State.SKIPPED, outcome.EndDate);
            return State.SKIPPED;
        }

        _runs.Transition(run.Id, State.RUNNING, outcome.StartDate);
        _runs.Update(run.Id, r => r with
        {
            Attempts = [.. Enumerable.Range(0, outcome.Attempts).Select(i => new TaskRunAttempt(
                StateInfo.Of(State.RUNNING, outcome.StartDate).To(i < outcome.Attempts - 1 ? State.FAILED : result.State, outcome.EndDate)))],
        });

        State state;
        if (result.State is State.SUCCESS or State.WARNING)
        {
            state = outcome.Attempts > 1 && (child.Retry ?? _flow.Retry)?.WarningOnRetry == true ? State.WARNING : result.State;
            SetOutputs(child, run.Id, childFrame, result.Outputs);
        }
        else
        {
            foreach (var line in result.ErrorLogs ?? [])
            {
                RecordError(child.Id, run.Id, line);
            }

            if (result.Outputs is { Count: > 0 })
            {
                SetOutputs(child, run.Id, childFrame, result.Outputs);
            }

            RecordError(child.Id, run.Id, result.Failure?.Message ?? "the task failed");
            state = State.FAILED;
        }

        _runs.Transition(run.Id, Tolerated(state, child), outcome.EndDate);
        return state;
    }
}

using P = Microsoft.DurableTask.Protobuf;

namespace Serverless.Durable.Embedded;

/// <summary>
/// Turning an episode's actions into history and messages, the way the Durable Task backends do: each action is
/// recorded under the id the orchestrator gave it, which is how replay matches results to calls.
/// </summary>
internal sealed partial class InstanceStore
{
    /// <summary>Applies one action; true when it ended the execution.</summary>
    private bool ApplyLocked(Instance instance, P.OrchestratorAction action, DateTime now)
    {
        P.HistoryEvent recorded = History.Event(action.Id, now);
        switch (action.OrchestratorActionTypeCase)
        {
            case P.OrchestratorAction.OrchestratorActionTypeOneofCase.ScheduleTask:
                ScheduleActivityLocked(instance, action.Id, action.ScheduleTask, recorded);
                break;
            case P.OrchestratorAction.OrchestratorActionTypeOneofCase.CreateTimer:
                recorded.TimerCreated = new P.TimerCreatedEvent { FireAt = action.CreateTimer.FireAt };
                instance.History.Add(recorded);
                EnqueueLocked(instance, History.TimerFired(action.Id, action.CreateTimer.FireAt, now), action.CreateTimer.FireAt);
                break;
            case P.OrchestratorAction.OrchestratorActionTypeOneofCase.CreateSubOrchestration:
                StartChildLocked(instance, action.Id, action.CreateSubOrchestration, recorded);
                break;
            case P.OrchestratorAction.OrchestratorActionTypeOneofCase.SendEvent:
                P.SendEventAction send = action.SendEvent;
                recorded.EventSent = new P.EventSentEvent { InstanceId = send.Instance.InstanceId, Name = send.Name, Input = send.Data };
                instance.History.Add(recorded);
                DeliverLocked(send.Instance.InstanceId, executionId: null, History.EventRaised(send.Name, send.Data, now));
                break;
            case P.OrchestratorAction.OrchestratorActionTypeOneofCase.TerminateOrchestration:
                DeliverLocked(action.TerminateOrchestration.InstanceId, executionId: null,
                    History.ExecutionTerminated(action.TerminateOrchestration.Reason, now));
                break;
            case P.OrchestratorAction.OrchestratorActionTypeOneofCase.CompleteOrchestration:
                CompleteOrchestration(instance, action.CompleteOrchestration, recorded, now);
                return true;
            default:
                break; // entities are not supported by the embedded backend
        }

        return false;
    }

    private void ScheduleActivityLocked(Instance instance, int taskId, P.ScheduleTaskAction task, P.HistoryEvent recorded)
    {
        recorded.TaskScheduled = new P.TaskScheduledEvent
        {
            Name = task.Name,
            Version = task.Version,
            Input = task.Input,
            ParentTraceContext = task.ParentTraceContext,
        };
        recorded.TaskScheduled.Tags.Add(task.Tags);
        instance.History.Add(recorded);

        var request = new P.ActivityRequest
        {
            Name = task.Name,
            Version = task.Version,
            Input = task.Input,
            TaskId = taskId,
            OrchestrationInstance = new P.OrchestrationInstance { InstanceId = instance.InstanceId, ExecutionId = instance.ExecutionId },
            ParentTraceContext = task.ParentTraceContext,
        };
        request.Tags.Add(task.Tags);
        var item = new P.WorkItem { ActivityRequest = request, CompletionToken = NextToken() };
        _activities[item.CompletionToken] = (instance, item);
        _work.Writer.TryWrite(item);
    }

    private void StartChildLocked(Instance parent, int taskId, P.CreateSubOrchestrationAction create, P.HistoryEvent recorded)
    {
        string childId = string.IsNullOrEmpty(create.InstanceId) ? NewId() : create.InstanceId;
        recorded.SubOrchestrationInstanceCreated = new P.SubOrchestrationInstanceCreatedEvent
        {
            InstanceId = childId,
            Name = create.Name,
            Version = create.Version,
            Input = create.Input,
            ParentTraceContext = create.ParentTraceContext,
        };
        recorded.SubOrchestrationInstanceCreated.Tags.Add(create.Tags);
        parent.History.Add(recorded);

        var started = new P.ExecutionStartedEvent
        {
            Name = create.Name,
            Version = create.Version,
            Input = create.Input,
            OrchestrationInstance = new P.OrchestrationInstance { InstanceId = childId, ExecutionId = NewId() },
            ParentInstance = new P.ParentInstanceInfo
            {
                TaskScheduledId = taskId,
                Name = parent.Name,
                Version = parent.Version,
                OrchestrationInstance = new P.OrchestrationInstance { InstanceId = parent.InstanceId, ExecutionId = parent.ExecutionId },
            },
            ParentTraceContext = create.ParentTraceContext,
        };
        started.Tags.Add(create.Tags);
        CreateLocked(started);
    }

    private void CompleteOrchestration(Instance instance, P.CompleteOrchestrationAction complete, P.HistoryEvent recorded, DateTime now)
    {
        if (complete.OrchestrationStatus == P.OrchestrationStatus.ContinuedAsNew)
        {
            ContinueAsNewLocked(instance, complete, now);
            return;
        }

        recorded.ExecutionCompleted = new P.ExecutionCompletedEvent
        {
            OrchestrationStatus = complete.OrchestrationStatus,
            Result = complete.Result,
            FailureDetails = complete.FailureDetails,
        };
        instance.History.Add(recorded);
        instance.History.Add(History.OrchestratorCompleted(now));
        FinishLocked(instance, complete.OrchestrationStatus, complete.Result, complete.FailureDetails);
    }

    /// <summary>Starts the next execution in place: fresh history, the new input, carried-over events first.</summary>
    private void ContinueAsNewLocked(Instance instance, P.CompleteOrchestrationAction complete, DateTime now)
    {
        instance.ExecutionId = NewId();
        instance.Version = complete.NewVersion ?? instance.Version;
        instance.Input = complete.Result;
        var started = new P.ExecutionStartedEvent
        {
            Name = instance.Name,
            Version = instance.Version,
            Input = complete.Result,
            OrchestrationInstance = new P.OrchestrationInstance { InstanceId = instance.InstanceId, ExecutionId = instance.ExecutionId },
            ParentInstance = instance.Parent,
        };
        started.Tags.Add(instance.Tags);
        List<P.HistoryEvent> waiting = instance.Pending;
        instance.History = [];
        instance.Pending = [History.ExecutionStarted(started, now), .. complete.CarryoverEvents, .. waiting];
    }

    private void FinishLocked(Instance instance, P.OrchestrationStatus status, string? output, P.TaskFailureDetails? failure)
    {
        DateTime now = Now;
        instance.Status = status;
        instance.Output = output;
        instance.Failure = failure;
        instance.CompletedAt = now;
        instance.LastUpdatedAt = now;
        instance.Pending = [];
        instance.Started.TrySetResult();
        instance.Completed.TrySetResult();
        ForgetOldEndedLocked(instance, now);
        if (instance.Parent is { } parent)
        {
            DeliverLocked(
                parent.OrchestrationInstance.InstanceId,
                parent.OrchestrationInstance.ExecutionId,
                History.SubOrchestrationEnded(parent.TaskScheduledId, instance, now));
        }
    }
}

using P = Microsoft.DurableTask.Protobuf;

namespace Serverless.Durable.Embedded;

/// <summary>Committing what the worker sends back: episode actions and activity results.</summary>
internal sealed partial class InstanceStore
{
    /// <summary>Commits an episode: its new events, the events its actions produce, and the messages they send.</summary>
    public void CompleteEpisode(P.OrchestratorResponse response)
    {
        lock (_gate)
        {
            if (!_running.TryGetValue(response.CompletionToken, out Instance? instance))
            {
                return; // stale: the episode was abandoned or its instance replaced
            }

#pragma warning disable CS0612 // IsPartial is obsolete in the contract but the worker still sends chunked responses.
            if (response.IsPartial)
#pragma warning restore CS0612
            {
                instance.PartialActions.AddRange(response.Actions);
                return;
            }

            _running.Remove(response.CompletionToken);
            if (IsCurrentLocked(instance))
            {
                // Still marked running while committing, so events the actions produce for this instance
                // (a due timer, an event to itself) wait for the commit instead of starting an episode mid-way.
                List<P.OrchestratorAction> actions = [.. instance.PartialActions, .. response.Actions];
                CommitLocked(instance, actions, response.CustomStatus);
            }

            instance.PartialActions.Clear();
            instance.RunningToken = null;
            DispatchLocked(instance);
        }
    }

    public void CompleteActivity(P.ActivityResponse response)
    {
        lock (_gate)
        {
            if (!_activities.Remove(response.CompletionToken, out (Instance Instance, P.WorkItem Item) entry))
            {
                return; // duplicate or unknown completion
            }

            P.HistoryEvent result = response.FailureDetails is { } failure
                ? History.TaskFailed(response.TaskId, failure, Now)
                : History.TaskCompleted(response.TaskId, response.Result, Now);
            string executionId = entry.Item.ActivityRequest.OrchestrationInstance.ExecutionId;
            DeliverLocked(entry.Instance.InstanceId, executionId, result);
        }
    }

    /// <summary>The worker gave an episode back: its events return to the front of the queue.</summary>
    public void AbandonEpisode(string completionToken)
    {
        lock (_gate)
        {
            if (!_running.Remove(completionToken, out Instance? instance))
            {
                return;
            }

            instance.RunningToken = null;
            instance.PartialActions.Clear();
            instance.Pending.InsertRange(0, instance.RunningEvents.Skip(1)); // drop our OrchestratorStarted
            instance.RunningEvents = [];
            DispatchLocked(instance);
        }
    }

    public void AbandonActivity(string completionToken)
    {
        lock (_gate)
        {
            if (_activities.TryGetValue(completionToken, out (Instance Instance, P.WorkItem Item) entry))
            {
                _work.Writer.TryWrite(entry.Item);
            }
        }
    }

    private void CommitLocked(Instance instance, List<P.OrchestratorAction> actions, string? customStatus)
    {
        DateTime now = Now;
        foreach (P.HistoryEvent e in instance.RunningEvents)
        {
            instance.History.Add(e);
            instance.Status = e.EventTypeCase switch
            {
                P.HistoryEvent.EventTypeOneofCase.ExecutionSuspended => P.OrchestrationStatus.Suspended,
                P.HistoryEvent.EventTypeOneofCase.ExecutionResumed => P.OrchestrationStatus.Running,
                _ => instance.Status,
            };
        }

        instance.RunningEvents = [];
        instance.CustomStatus = customStatus;
        instance.LastUpdatedAt = now;
        if (instance.Status == P.OrchestrationStatus.Pending)
        {
            instance.Status = P.OrchestrationStatus.Running;
            instance.Started.TrySetResult();
        }

        foreach (P.OrchestratorAction action in actions)
        {
            if (ApplyLocked(instance, action, now))
            {
                return; // the execution ended or continued as new; anything after is moot
            }
        }

        instance.History.Add(History.OrchestratorCompleted(now));
    }

    private bool IsCurrentLocked(Instance instance) =>
        _instances.TryGetValue(instance.InstanceId, out Instance? current) && ReferenceEquals(current, instance);
}

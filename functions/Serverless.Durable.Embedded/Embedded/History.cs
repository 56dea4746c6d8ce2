using Google.Protobuf.WellKnownTypes;
using P = Microsoft.DurableTask.Protobuf;

namespace Serverless.Durable.Embedded;

/// <summary>Builds the protobuf history events the sidecar appends or delivers.</summary>
internal static class History
{
    public static P.HistoryEvent Event(int eventId, DateTime now) =>
        new() { EventId = eventId, Timestamp = Timestamp.FromDateTime(now) };

    public static P.HistoryEvent OrchestratorStarted(DateTime now) =>
        With(Event(-1, now), e => e.OrchestratorStarted = new P.OrchestratorStartedEvent());

    public static P.HistoryEvent OrchestratorCompleted(DateTime now) =>
        With(Event(-1, now), e => e.OrchestratorCompleted = new P.OrchestratorCompletedEvent());

    public static P.HistoryEvent ExecutionStarted(P.ExecutionStartedEvent started, DateTime now) =>
        With(Event(-1, now), e => e.ExecutionStarted = started);

    public static P.HistoryEvent EventRaised(string name, string? input, DateTime now) =>
        With(Event(-1, now), e => e.EventRaised = new P.EventRaisedEvent { Name = name, Input = input });

    public static P.HistoryEvent ExecutionTerminated(string? reason, DateTime now) =>
        With(Event(-1, now), e => e.ExecutionTerminated = new P.ExecutionTerminatedEvent { Input = reason });

    public static P.HistoryEvent ExecutionSuspended(string? reason, DateTime now) =>
        With(Event(-1, now), e => e.ExecutionSuspended = new P.ExecutionSuspendedEvent { Input = reason });

    public static P.HistoryEvent ExecutionResumed(string? reason, DateTime now) =>
        With(Event(-1, now), e => e.ExecutionResumed = new P.ExecutionResumedEvent { Input = reason });

    public static P.HistoryEvent TaskCompleted(int taskId, string? result, DateTime now) =>
        With(Event(-1, now), e => e.TaskCompleted = new P.TaskCompletedEvent { TaskScheduledId = taskId, Result = result });

    public static P.HistoryEvent TaskFailed(int taskId, P.TaskFailureDetails failure, DateTime now) =>
        With(Event(-1, now), e => e.TaskFailed = new P.TaskFailedEvent { TaskScheduledId = taskId, FailureDetails = failure });

    public static P.HistoryEvent TimerFired(int timerId, Timestamp fireAt, DateTime now) =>
        With(Event(-1, now), e => e.TimerFired = new P.TimerFiredEvent { TimerId = timerId, FireAt = fireAt });

    /// <summary>What a parent receives when its sub-orchestration ends.</summary>
    public static P.HistoryEvent SubOrchestrationEnded(int taskScheduledId, Instance child, DateTime now) =>
        With(Event(-1, now), e =>
        {
            if (child.Status == P.OrchestrationStatus.Completed)
            {
                e.SubOrchestrationInstanceCompleted = new P.SubOrchestrationInstanceCompletedEvent
                {
                    TaskScheduledId = taskScheduledId,
                    Result = child.Output,
                };
            }
            else
            {
                e.SubOrchestrationInstanceFailed = new P.SubOrchestrationInstanceFailedEvent
                {
                    TaskScheduledId = taskScheduledId,
                    FailureDetails = child.Failure ?? new P.TaskFailureDetails
                    {
                        ErrorType = "OrchestrationTerminated",
                        ErrorMessage = $"Sub-orchestration '{child.InstanceId}' ended as {child.Status}.",
                    },
                };
            }
        });

    private static P.HistoryEvent With(P.HistoryEvent e, Action<P.HistoryEvent> set)
    {
        set(e);
        return e;
    }
}

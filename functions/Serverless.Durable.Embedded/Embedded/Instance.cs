using Google.Protobuf.Collections;
using P = Microsoft.DurableTask.Protobuf;

namespace Serverless.Durable.Embedded;

/// <summary>
/// One execution of an orchestration instance in the in-memory store: committed history (kept as the wire
/// protobuf events, so an episode is sent without converting anything), status, and the events waiting for the
/// next episode. Guarded by the store's lock; never touched outside it.
/// </summary>
/// <remarks>A new start with the same id replaces the object, so stale references are detectable.</remarks>
internal sealed class Instance(string instanceId, string executionId, P.ExecutionStartedEvent started, DateTime createdAt)
{
    public string InstanceId { get; } = instanceId;

    public string ExecutionId { get; set; } = executionId;

    public string Name { get; } = started.Name;

    public string? Version { get; set; } = started.Version;

    public string? Input { get; set; } = started.Input;

    public MapField<string, string> Tags { get; } = started.Tags.Clone();

    public P.ParentInstanceInfo? Parent { get; } = started.ParentInstance;

    public DateTime? ScheduledStartAt { get; } = started.ScheduledStartTimestamp?.ToDateTime();

    public P.OrchestrationStatus Status { get; set; } = P.OrchestrationStatus.Pending;

    public string? Output { get; set; }

    public string? CustomStatus { get; set; }

    public P.TaskFailureDetails? Failure { get; set; }

    public DateTime CreatedAt { get; } = createdAt;

    public DateTime LastUpdatedAt { get; set; } = createdAt;

    public DateTime? CompletedAt { get; set; }

    /// <summary>History of the current execution, as committed by finished episodes.</summary>
    public List<P.HistoryEvent> History { get; set; } = [];

    /// <summary>Events that arrived since the running episode (if any) was sent; batched into the next one.</summary>
    public List<P.HistoryEvent> Pending { get; set; } = [];

    /// <summary>Completion token of the episode the worker is running, or null when idle.</summary>
    public string? RunningToken { get; set; }

    /// <summary>The running episode's new events: committed when it completes, re-queued if it is abandoned.</summary>
    public List<P.HistoryEvent> RunningEvents { get; set; } = [];

    /// <summary>Actions of a response the worker sent in chunks, gathered until the last chunk.</summary>
    public List<P.OrchestratorAction> PartialActions { get; } = [];

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Completed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsTerminal => IsTerminalStatus(Status);

    public static bool IsTerminalStatus(P.OrchestrationStatus status) =>
        status is P.OrchestrationStatus.Completed or P.OrchestrationStatus.Failed
            or P.OrchestrationStatus.Terminated or P.OrchestrationStatus.Canceled;
}

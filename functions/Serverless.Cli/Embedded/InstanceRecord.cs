using DurableTask.Core;
using DurableTask.Core.History;

namespace Serverless.Cli.Embedded;

/// <summary>
/// One orchestration instance in the in-memory store: its committed history, status and the messages waiting
/// for its next episode. Guarded by the backend's lock; never touched outside it.
/// </summary>
internal sealed class InstanceRecord(string instanceId, string? executionId, OrchestrationState state)
{
    public string InstanceId { get; } = instanceId;

    public string? ExecutionId { get; set; } = executionId;

    public OrchestrationState State { get; set; } = state;

    /// <summary>Committed history of the current execution (all episodes so far).</summary>
    public IList<HistoryEvent> History { get; set; } = [];

    /// <summary>Messages that arrived since the last episode started; batched into the next one.</summary>
    public List<TaskMessage> Pending { get; set; } = [];

    /// <summary>An episode is running on the worker; new messages wait for it to finish.</summary>
    public bool Locked { get; set; }

    /// <summary>The instance sits in the ready queue already.</summary>
    public bool Queued { get; set; }

    public TaskCompletionSource<OrchestrationState> Completion { get; } =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsTerminal => IsTerminalStatus(State.OrchestrationStatus);

    public static bool IsTerminalStatus(OrchestrationStatus status) =>
        status is OrchestrationStatus.Completed or OrchestrationStatus.Failed
            or OrchestrationStatus.Terminated or OrchestrationStatus.Canceled;
}

/// <summary>An orchestration work item that remembers which record it was taken from.</summary>
internal sealed class EmbeddedOrchestrationWorkItem : TaskOrchestrationWorkItem
{
    public required InstanceRecord Record { get; init; }
}

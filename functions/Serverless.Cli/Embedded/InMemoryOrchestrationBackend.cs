using System.Globalization;
using System.Threading.Channels;
using DurableTask.Core;

namespace Serverless.Cli.Embedded;

/// <summary>
/// The embedded host's store and queues: an event-driven, in-memory <see cref="IOrchestrationService"/> that
/// the in-process gRPC sidecar dispatches from.
/// </summary>
/// <remarks>
/// <para>Work is handed out as soon as it exists: the lock-next calls wait on channels instead of polling, and
/// the concurrency caps are generous so the sidecar's dispatcher never falls back to its 500 ms throttle poll.</para>
/// <para>All messages that reach an instance while an episode runs are batched into its next episode, so N
/// activity completions cost a handful of replays, not N.</para>
/// <para>State lives in memory only; one lock guards every record (the critical sections are a few list
/// operations, far cheaper than the gRPC hops around them).</para>
/// </remarks>
public sealed partial class InMemoryOrchestrationBackend : IOrchestrationService
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, InstanceRecord> _instances = new(StringComparer.OrdinalIgnoreCase);
    private readonly Channel<InstanceRecord> _ready = Channel.CreateUnbounded<InstanceRecord>(
        new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly Channel<TaskMessage> _activities = Channel.CreateUnbounded<TaskMessage>(
        new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly CancellationTokenSource _stopping = new();
    private readonly EmbeddedDurableHostOptions _options;
    private readonly TimeProvider _time;
    private long _activitySequence;
    public static long ProbeEpisodeStart, ProbeEpisodeTicks, ProbeEpisodes;

    public InMemoryOrchestrationBackend(EmbeddedDurableHostOptions options)
    {
        _options = options;
        _time = options.TimeProvider;
    }

    public int TaskOrchestrationDispatcherCount => 1;

    public int MaxConcurrentTaskOrchestrationWorkItems => _options.MaxConcurrentOrchestrationWorkItems;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => BehaviorOnContinueAsNew.Carryover;

    public int TaskActivityDispatcherCount => 1;

    public int MaxConcurrentTaskActivityWorkItems => _options.MaxConcurrentActivityWorkItems;

    public Task StartAsync() => Task.CompletedTask;

    public Task StopAsync() => StopAsync(isForced: false);

    /// <summary>Cancels pending durable timers. The queues stay open: the dispatchers stop on their own token.</summary>
    public Task StopAsync(bool isForced) => _stopping.CancelAsync();

    public Task CreateAsync() => Task.CompletedTask;

    public Task CreateAsync(bool recreateInstanceStore)
    {
        if (recreateInstanceStore)
        {
            lock (_gate)
            {
                _instances.Clear();
            }
        }

        return Task.CompletedTask;
    }

    public Task CreateIfNotExistsAsync() => Task.CompletedTask;

    public Task DeleteAsync() => CreateAsync(recreateInstanceStore: true);

    public Task DeleteAsync(bool deleteInstanceStore) => CreateAsync(deleteInstanceStore);

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) => false;

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => exception is OperationCanceledException ? 0 : 1;

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => exception is OperationCanceledException ? 0 : 1;

    public async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(
        TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        while (true)
        {
            InstanceRecord record = await _ready.Reader.ReadAsync(cancellationToken);
            lock (_gate)
            {
                if (!record.Queued || record.Locked || record.Pending.Count == 0 || !IsCurrent(record))
                {
                    record.Queued = false;
                    continue;
                }

                record.Queued = false;
                record.Locked = true;
                ProbeEpisodeStart = System.Diagnostics.Stopwatch.GetTimestamp();
                ProbeEpisodes++;
                List<TaskMessage> messages = record.Pending;
                record.Pending = [];
                return new EmbeddedOrchestrationWorkItem
                {
                    Record = record,
                    InstanceId = record.InstanceId,
                    OrchestrationRuntimeState = new OrchestrationRuntimeState(record.History),
                    NewMessages = messages,
                    LockedUntilUtc = DateTime.MaxValue,
                };
            }
        }
    }

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => Task.CompletedTask;

    public Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState)
    {
        InstanceRecord record = ((EmbeddedOrchestrationWorkItem)workItem).Record;
        ProbeEpisodeTicks += System.Diagnostics.Stopwatch.GetTimestamp() - ProbeEpisodeStart;
        lock (_gate)
        {
            if (!IsCurrent(record))
            {
                return Task.CompletedTask; // replaced by a new start while this episode ran
            }

            record.History = newOrchestrationRuntimeState.Events;
            record.ExecutionId = newOrchestrationRuntimeState.OrchestrationInstance?.ExecutionId ?? record.ExecutionId;
            if (orchestrationState is not null)
            {
                orchestrationState.CreatedTime = record.State.CreatedTime;
                orchestrationState.LastUpdatedTime = _time.GetUtcNow().UtcDateTime;
                record.State = orchestrationState;
            }

            foreach (TaskMessage message in orchestratorMessages)
            {
                RouteLocked(message);
            }

            foreach (TaskMessage message in timerMessages)
            {
                RouteLocked(message);
            }

            if (continuedAsNewMessage is not null)
            {
                RouteLocked(continuedAsNewMessage);
            }

            if (record.IsTerminal)
            {
                record.Pending.Clear();
                record.Completion.TrySetResult(record.State);
            }
        }

        foreach (TaskMessage message in outboundMessages)
        {
            _activities.Writer.TryWrite(message);
        }

        return Task.CompletedTask;
    }

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        InstanceRecord record = ((EmbeddedOrchestrationWorkItem)workItem).Record;
        lock (_gate)
        {
            record.Pending.InsertRange(0, workItem.NewMessages);
        }

        return Task.CompletedTask;
    }

    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        InstanceRecord record = ((EmbeddedOrchestrationWorkItem)workItem).Record;
        lock (_gate)
        {
            record.Locked = false;
            if (record.Pending.Count > 0)
            {
                SignalLocked(record);
            }
        }

        return Task.CompletedTask;
    }

    public async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(
        TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        TaskMessage message = await _activities.Reader.ReadAsync(cancellationToken);
        long id = Interlocked.Increment(ref _activitySequence);
        return new TaskActivityWorkItem
        {
            Id = id.ToString(CultureInfo.InvariantCulture),
            TaskMessage = message,
            LockedUntilUtc = DateTime.MaxValue,
        };
    }

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) =>
        Task.FromResult(workItem);

    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        Route(responseMessage);
        return Task.CompletedTask;
    }

    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        _activities.Writer.TryWrite(workItem.TaskMessage);
        return Task.CompletedTask;
    }
}

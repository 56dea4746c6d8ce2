using System.Globalization;
using System.Threading.Channels;
using Google.Protobuf.WellKnownTypes;
using P = Microsoft.DurableTask.Protobuf;

namespace Serverless.Durable.Embedded;

/// <summary>
/// The embedded backend: every instance in memory, and the queue of work items for the worker.
/// </summary>
/// <remarks>
/// <para>Event-driven throughout: a message that makes an idle instance runnable writes its episode to the work
/// queue at once, and an episode's completion writes the activities it scheduled at once. Nothing polls and
/// nothing caps concurrency here; the worker's own concurrency options apply.</para>
/// <para>Messages that reach an instance while an episode runs are batched into its next episode, so N activity
/// completions cost a handful of replays, not N.</para>
/// <para>One lock guards all state. The critical sections are list operations, far cheaper than the gRPC hops
/// around them.</para>
/// </remarks>
internal sealed partial class InstanceStore(TimeProvider time, EndedInstanceLimits limits)
{
    /// <summary>Statuses that make a second start with the same instance id fail, as on Azure Storage.</summary>
    private static readonly P.OrchestrationStatus[] DefaultDedupeStatuses =
        [P.OrchestrationStatus.Pending, P.OrchestrationStatus.Running, P.OrchestrationStatus.Suspended];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Instance> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Instance> _running = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Instance Instance, P.WorkItem Item)> _activities = new(StringComparer.Ordinal);
    private readonly Channel<P.WorkItem> _work = Channel.CreateUnbounded<P.WorkItem>(new UnboundedChannelOptions());
    private readonly CancellationTokenSource _stopping = new();
    private long _tokens;

    /// <summary>Work items for the worker, in dispatch order.</summary>
    public ChannelReader<P.WorkItem> Work => _work.Reader;

    /// <summary>Puts back a work item that could not be written to the worker's stream.</summary>
    public void Requeue(P.WorkItem item) => _work.Writer.TryWrite(item);

    public Task StopAsync() => _stopping.CancelAsync();

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Starts an instance; throws <see cref="InvalidOperationException"/> if the id is taken by a live one.</summary>
    public string Start(P.CreateInstanceRequest request)
    {
        string instanceId = string.IsNullOrEmpty(request.InstanceId) ? NewId() : request.InstanceId;
        var started = new P.ExecutionStartedEvent
        {
            Name = request.Name,
            Version = request.Version,
            Input = request.Input,
            OrchestrationInstance = new P.OrchestrationInstance { InstanceId = instanceId, ExecutionId = NewId() },
            ScheduledStartTimestamp = request.ScheduledStartTimestamp,
            ParentTraceContext = request.ParentTraceContext,
        };
        started.Tags.Add(request.Tags);
        lock (_gate)
        {
            if (_instances.TryGetValue(instanceId, out Instance? existing) && IsDeduplicated(existing, request))
            {
                throw new InvalidOperationException(
                    $"An orchestration with id '{instanceId}' already exists. It is in the {existing.Status} state.");
            }

            CreateLocked(started);
        }

        return instanceId;
    }

    public void RaiseEvent(string instanceId, string name, string? input)
    {
        lock (_gate)
        {
            DeliverLocked(instanceId, executionId: null, History.EventRaised(name, input, Now));
        }
    }

    public void Terminate(string instanceId, string? reason)
    {
        lock (_gate)
        {
            if (_instances.TryGetValue(instanceId, out Instance? instance) && instance.History.Count == 0
                && instance.RunningToken is null && !HasStart(instance))
            {
                // A delayed start that has not begun: nothing to replay, record the end directly.
                FinishLocked(instance, P.OrchestrationStatus.Terminated, reason, failure: null);
                return;
            }

            DeliverLocked(instanceId, executionId: null, History.ExecutionTerminated(reason, Now));
        }
    }

    /// <summary>Suspend and resume are events the worker interprets; the status follows when they commit.</summary>
    public void Suspend(string instanceId, string? reason) =>
        Deliver(instanceId, History.ExecutionSuspended(reason, Now));

    public void Resume(string instanceId, string? reason) =>
        Deliver(instanceId, History.ExecutionResumed(reason, Now));

    private void Deliver(string instanceId, P.HistoryEvent historyEvent)
    {
        lock (_gate)
        {
            DeliverLocked(instanceId, executionId: null, historyEvent);
        }
    }

    private static bool IsDeduplicated(Instance existing, P.CreateInstanceRequest request)
    {
        if (request.OrchestrationIdReusePolicy is not { } policy)
        {
            return DefaultDedupeStatuses.Contains(existing.Status);
        }

        return !policy.ReplaceableStatus.Contains(existing.Status);
    }

    /// <summary>Creates (or replaces) the instance and queues its start, now or at its scheduled time.</summary>
    private Instance CreateLocked(P.ExecutionStartedEvent started)
    {
        P.OrchestrationInstance id = started.OrchestrationInstance;
        var instance = new Instance(id.InstanceId, id.ExecutionId, started, Now);
        _instances[id.InstanceId] = instance;
        EnqueueLocked(instance, History.ExecutionStarted(started, Now), started.ScheduledStartTimestamp);
        return instance;
    }

    /// <summary>Sends an event to an instance; dropped if there is none, it has ended, or it is a stale execution.</summary>
    private void DeliverLocked(string instanceId, string? executionId, P.HistoryEvent historyEvent, Timestamp? dueAt = null)
    {
        if (!_instances.TryGetValue(instanceId, out Instance? instance) || instance.IsTerminal
            || (executionId is not null && executionId != instance.ExecutionId))
        {
            return;
        }

        EnqueueLocked(instance, historyEvent, dueAt);
    }

    private void EnqueueLocked(Instance instance, P.HistoryEvent historyEvent, Timestamp? dueAt)
    {
        if (dueAt is not null && dueAt.ToDateTime() > Now)
        {
            _ = DeliverLaterAsync(instance, instance.ExecutionId, historyEvent, dueAt.ToDateTime());
            return;
        }

        instance.Pending.Add(historyEvent);
        DispatchLocked(instance);
    }

    private async Task DeliverLaterAsync(Instance instance, string executionId, P.HistoryEvent historyEvent, DateTime dueAt)
    {
        try
        {
            // Timers may wake a little early; orchestrations compare CurrentUtcDateTime with the fire time.
            for (TimeSpan wait = dueAt - Now; wait > TimeSpan.Zero; wait = dueAt - Now)
            {
                await Task.Delay(wait, time, _stopping.Token);
            }
        }
        catch (OperationCanceledException)
        {
            return; // host stopping
        }

        lock (_gate)
        {
            if (!instance.IsTerminal && instance.ExecutionId == executionId)
            {
                instance.Pending.Add(historyEvent);
                DispatchLocked(instance);
            }
        }
    }

    /// <summary>Sends the instance's next episode to the worker if it is idle and has something to process.</summary>
    private void DispatchLocked(Instance instance)
    {
        if (instance.RunningToken is not null || instance.Pending.Count == 0 || instance.IsTerminal
            || !HasStart(instance) || !IsCurrentLocked(instance))
        {
            return;
        }

        string token = NextToken();
        instance.RunningToken = token;
        _running[token] = instance;
        var newEvents = new List<P.HistoryEvent>(instance.Pending.Count + 1) { History.OrchestratorStarted(Now) };
        newEvents.AddRange(instance.Pending);
        if (instance.History.Count == 0)
        {
            // The start must come first, even if an event raised early was queued before it.
            int start = newEvents.FindIndex(e => e.EventTypeCase == P.HistoryEvent.EventTypeOneofCase.ExecutionStarted);
            P.HistoryEvent started = newEvents[start];
            newEvents.RemoveAt(start);
            newEvents.Insert(1, started);
        }

        instance.Pending = [];
        instance.RunningEvents = newEvents;

        var request = new P.OrchestratorRequest { InstanceId = instance.InstanceId, ExecutionId = instance.ExecutionId };
        request.PastEvents.AddRange(instance.History);
        request.NewEvents.AddRange(newEvents);
        _work.Writer.TryWrite(new P.WorkItem { OrchestratorRequest = request, CompletionToken = token });
    }

    /// <summary>Events other than a start wait until the start has arrived (a delayed start may be pending).</summary>
    private static bool HasStart(Instance instance) =>
        instance.History.Count > 0
        || instance.Pending.Exists(e => e.EventTypeCase == P.HistoryEvent.EventTypeOneofCase.ExecutionStarted);

    private string NextToken() => Interlocked.Increment(ref _tokens).ToString(CultureInfo.InvariantCulture);

    private static string NewId() => Guid.NewGuid().ToString("N");
}

using System.Collections.Concurrent;
using DurableTask.Core;
using DurableTask.Core.History;

namespace Serverless.Durable.Embedded.AzureStorage;

/// <summary>
/// Wraps a real <see cref="IOrchestrationService"/> (Azure Storage) for the in-process gRPC sidecar
/// (<c>TaskHubGrpcServer</c>), fixing two gaps between them.
/// </summary>
/// <remarks>
/// <para><b>Lock renewal.</b> The sidecar's dispatchers never renew work-item locks, unlike DTFx's own. On
/// Azure Storage a lock is a queue message's visibility timeout, so an activity running longer than it would
/// reappear and run a second time, concurrently. This wrapper renews every locked work item at a third of its
/// remaining lock time until it is completed, abandoned or released. That keeps visibility timeouts short
/// (seconds, for quick crash recovery) without duplicating long tasks.</para>
/// <para><b>Sub-orchestration tags.</b> The sidecar copies the protobuf <c>Tags</c> map of a
/// create-sub-orchestration action into the new <see cref="ExecutionStartedEvent"/> as is; Azure Storage
/// serializes messages with type names, and a <c>Google.Protobuf.Collections.MapField</c> does not read back,
/// so the message is poison (dequeued and failed forever). Tags are copied into a plain dictionary first.</para>
/// <para><b>Sub-orchestration history.</b> The sidecar also records a <c>GrpcSubOrchestrationInstanceCreatedEvent</c>
/// (a subclass) in the parent's history; the provider's table converter writes no <c>EventType</c> for it, and
/// the parent's history can then never be loaded again ("The TableEntity did not contain a 'EventType'
/// property"), so a parent never saw its subflow end. Such events are replaced by the base type first.</para>
/// </remarks>
internal sealed partial class LocalOrchestrationService(IOrchestrationService inner) : IOrchestrationService, IAsyncDisposable
{
    private readonly ConcurrentDictionary<object, CancellationTokenSource> _renewals = new(ReferenceEqualityComparer.Instance);
    private int _stopped;

    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;

    public int MaxConcurrentTaskOrchestrationWorkItems => inner.MaxConcurrentTaskOrchestrationWorkItems;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;

    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;

    public int MaxConcurrentTaskActivityWorkItems => inner.MaxConcurrentTaskActivityWorkItems;

    public Task StartAsync() => inner.StartAsync();

    public Task StopAsync() => StopAsync(false);

    /// <summary>Stops once: the sidecar stops the service itself when its host stops, and the provider's second stop throws.</summary>
    public async Task StopAsync(bool isForced)
    {
        StopRenewals();
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await inner.StopAsync(isForced);
        }
    }

    public Task CreateAsync() => inner.CreateAsync();

    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);

    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();

    public Task DeleteAsync() => inner.DeleteAsync();

    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => inner.GetDelayInSecondsAfterOnProcessException(exception);

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);

    public ValueTask DisposeAsync()
    {
        StopRenewals();
        return ValueTask.CompletedTask;
    }

    private void StopRenewals()
    {
        foreach (var key in _renewals.Keys)
        {
            StopRenewing(key);
        }
    }

    /// <summary>Replaces history events of sidecar-private subclasses by their DurableTask.Core base type (see remarks).</summary>
    private static OrchestrationRuntimeState WithPlainHistory(OrchestrationRuntimeState state)
    {
        Replace(state.NewEvents);
        Replace(state.Events);
        return state;

        static void Replace(IList<HistoryEvent> events)
        {
            for (var i = 0; i < events.Count; i++)
            {
                if (events[i] is SubOrchestrationInstanceCreatedEvent created && created.GetType() != typeof(SubOrchestrationInstanceCreatedEvent))
                {
                    events[i] = new SubOrchestrationInstanceCreatedEvent(created.EventId)
                    {
                        Name = created.Name,
                        Version = created.Version,
                        InstanceId = created.InstanceId,
                        Input = created.Input,
                        Timestamp = created.Timestamp,
                        IsPlayed = created.IsPlayed,
                    };
                }
            }
        }
    }

    /// <summary>Copies protobuf tag maps of new orchestrations into plain dictionaries (see remarks).</summary>
    private static IList<TaskMessage> WithPlainTags(IList<TaskMessage> messages)
    {
        foreach (var message in messages)
        {
            if (message.Event is ExecutionStartedEvent { Tags: { } tags } started && tags.GetType() != typeof(Dictionary<string, string>))
            {
                started.Tags = new Dictionary<string, string>(tags, StringComparer.Ordinal);
            }
        }

        return messages;
    }
}

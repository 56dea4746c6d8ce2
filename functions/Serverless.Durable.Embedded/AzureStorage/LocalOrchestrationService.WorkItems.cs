using DurableTask.Core;

namespace Serverless.Durable.Embedded.AzureStorage;

/// <summary>Work-item calls, forwarded with lock renewal around them.</summary>
internal sealed partial class LocalOrchestrationService
{
    /// <summary>Least time between two renewals of one work item.</summary>
    private static readonly TimeSpan MinimumRenewalInterval = TimeSpan.FromSeconds(1);

    public async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var workItem = await inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
        if (workItem is not null)
        {
            StartRenewing(workItem, () => workItem.LockedUntilUtc, () => inner.RenewTaskOrchestrationWorkItemLockAsync(workItem));
        }

        return workItem!;
    }

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState) =>
        inner.CompleteTaskOrchestrationWorkItemAsync(
            workItem,
            WithPlainHistory(newOrchestrationRuntimeState),
            outboundMessages,
            WithPlainTags(orchestratorMessages),
            timerMessages,
            continuedAsNewMessage,
            orchestrationState);

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        StopRenewing(workItem);
        return inner.AbandonTaskOrchestrationWorkItemAsync(workItem);
    }

    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        StopRenewing(workItem);
        return inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);
    }

    public async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var workItem = await inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
        if (workItem is not null)
        {
            StartRenewing(workItem, () => workItem.LockedUntilUtc, async () =>
            {
                var renewed = await inner.RenewTaskActivityWorkItemLockAsync(workItem);
                workItem.LockedUntilUtc = renewed.LockedUntilUtc;
            });
        }

        return workItem!;
    }

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => inner.RenewTaskActivityWorkItemLockAsync(workItem);

    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        StopRenewing(workItem);
        return inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
    }

    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        StopRenewing(workItem);
        return inner.AbandonTaskActivityWorkItemAsync(workItem);
    }

    /// <summary>Renews at a third of the remaining lock time (at least every second) until stopped.</summary>
    private void StartRenewing(object workItem, Func<DateTime> lockedUntil, Func<Task> renew)
    {
        var stop = new CancellationTokenSource();
        if (!_renewals.TryAdd(workItem, stop))
        {
            stop.Dispose();
            return;
        }

        var token = stop.Token;
        _ = Task.Run(async () =>
        {
            while (!token.IsCancellationRequested)
            {
                var remaining = lockedUntil() - DateTime.UtcNow;
                var wait = remaining / 3 > MinimumRenewalInterval ? remaining / 3 : MinimumRenewalInterval;
                try
                {
                    await Task.Delay(wait, token);
                    await renew();
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (Exception) when (!token.IsCancellationRequested)
                {
                    // A failed renewal (storage hiccup, lost lease) is retried on the next round; if the lock is
                    // really lost, the provider rejects the completion and the work item runs again (at least once).
                }
            }
        });
    }

    private void StopRenewing(object workItem)
    {
        if (_renewals.TryRemove(workItem, out var stop))
        {
            stop.Cancel();
            stop.Dispose();
        }
    }
}

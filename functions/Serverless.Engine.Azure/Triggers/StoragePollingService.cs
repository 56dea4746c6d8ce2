using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serverless.Engine.Storage;
using Serverless.Engine.Triggers;

namespace Serverless.Engine.Azure.Triggers;

/// <summary>Where and how often <see cref="StoragePollingService"/> looks (Azurite or a real account).</summary>
public sealed class StoragePollingOptions
{
    public BlobServiceClient? Blobs { get; set; }

    public QueueServiceClient? Queues { get; set; }

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// Blob and queue triggers for long-lived hosts (<c>flows serve</c>): every interval, lists the blobs of each
/// container a Blob trigger names that changed since the last look (blobs older than the service's start are
/// ignored), receives the messages of each queue a Queue trigger names, and feeds them to
/// <see cref="TriggerMatcher"/>. A message is deleted only after its flows started, so a crash redelivers it
/// and the deterministic ids keep the starts single.
/// </summary>
public sealed partial class StoragePollingService(
    StoragePollingOptions options, IFlowSource flows, TriggerMatcher matcher, TimeProvider clock, ILogger<StoragePollingService> logger)
    : BackgroundService
{
    private readonly Dictionary<string, DateTimeOffset> _watermarks = new(StringComparer.Ordinal);
    private long _completedPolls;

    /// <summary>Polls finished so far, failed ones included: lets callers wait for "one more look" without sleeping.</summary>
    public long CompletedPolls => Interlocked.Read(ref _completedPolls);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Last-modified times have whole seconds: count from the start of this second, or a blob written
        // moments after start could look older than it.
        var now = clock.GetUtcNow();
        var started = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollOnceAsync(started, stoppingToken);
            }
            catch (Exception e) when (Storage.AzureStorageFaults.Instance.Describe(e) is { } reason)
            {
                PollUnavailable(logger, reason);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                PollFailed(logger, e);
            }

            Interlocked.Increment(ref _completedPolls);

            await Task.Delay(options.Interval, clock, stoppingToken);
        }
    }

    /// <summary>One look at every watched container and queue; blobs changed before <paramref name="since"/> are ignored.</summary>
    public async Task PollOnceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var current = await flows.GetFlowsAsync(cancellationToken);
        if (options.Queues is { } queues)
        {
            foreach (var name in FlowTriggerSelection.Enabled<QueueTrigger>(current).Select(p => p.Trigger.String("queueName")).OfType<string>().Distinct())
            {
                var queue = queues.GetQueueClient(name);
                if (!await queue.ExistsAsync(cancellationToken))
                {
                    continue;
                }

                foreach (var message in (await queue.ReceiveMessagesAsync(32, cancellationToken: cancellationToken)).Value)
                {
                    await matcher.OnQueueAsync(current, new QueueEvent(name, message.MessageId, message.Body.ToString(), message.InsertedOn), cancellationToken);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                }
            }
        }

        if (options.Blobs is { } blobs)
        {
            foreach (var name in FlowTriggerSelection.Enabled<BlobTrigger>(current).Select(p => p.Trigger.String("container")).OfType<string>().Distinct())
            {
                var container = blobs.GetBlobContainerClient(name);
                if (!await container.ExistsAsync(cancellationToken))
                {
                    continue;
                }

                var watermark = _watermarks.GetValueOrDefault(name, since);
                var newest = watermark;
                await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions(), cancellationToken))
                {
                    if (item.Properties.LastModified is not { } modified || modified < watermark)
                    {
                        continue;
                    }

                    newest = modified > newest ? modified : newest;
                    var blob = new BlobEvent(name, item.Name, container.GetBlobClient(item.Name).Uri, item.Properties.ContentLength ?? 0, item.Properties.ETag?.ToString());
                    await matcher.OnBlobAsync(current, blob, cancellationToken);
                }

                _watermarks[name] = newest;
            }
        }
    }

    [LoggerMessage(EventId = 5402, Level = LogLevel.Warning, Message = "Polling blob and queue triggers: storage is unavailable ({Reason}); retrying next interval")]
    private static partial void PollUnavailable(ILogger logger, string reason);

    [LoggerMessage(EventId = 5401, Level = LogLevel.Warning, Message = "Polling blob and queue triggers failed; retrying next interval")]
    private static partial void PollFailed(ILogger logger, Exception exception);
}

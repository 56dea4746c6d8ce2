using System.Diagnostics;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serverless.Engine.Azure.Storage;
using Serverless.Engine.Storage;

namespace Serverless.Serve;

/// <summary>Lists one container every <see cref="Interval"/>; only an outage (<see cref="StorageFaults"/>) counts as down.</summary>
internal sealed partial class StorageHealthService(BlobServiceClient blobs, ILogger<StorageHealthService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Stopwatch? down = null;
        using var timer = new PeriodicTimer(Interval);
        do
        {
            var reason = await ProbeAsync(stoppingToken);
            if (reason is not null && down is null)
            {
                down = Stopwatch.StartNew();
                Unreachable(logger, reason);
            }
            else if (reason is null && down is not null)
            {
                Reachable(logger, down.Elapsed.TotalSeconds);
                down = null;
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Null when the account answered (even with an error of its own), else the outage's reason.</summary>
    private async Task<string?> ProbeAsync(CancellationToken ct)
    {
        try
        {
            await using var pages = blobs.GetBlobContainersAsync(cancellationToken: ct).AsPages(pageSizeHint: 1).GetAsyncEnumerator(ct);
            _ = await pages.MoveNextAsync();

            return null;
        }
        catch (Exception e) when (AzureStorageFaults.Instance.Describe(e) is { } reason && !ct.IsCancellationRequested)
        {
            return reason;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Storage account is unreachable ({Reason}): executions wait and API calls answer 503 until it is back")]
    private static partial void Unreachable(ILogger logger, string reason);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Storage account is reachable again after {Seconds:F1} s")]
    private static partial void Reachable(ILogger logger, double seconds);
}

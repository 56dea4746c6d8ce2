using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Serverless.Engine.Storage;

namespace Serverless.Engine.Azure.Storage;

/// <summary>
/// Retry and timeout settings for every storage client the hosts create. The SDK's defaults (3 retries
/// with delays growing to a minute, 100-second network timeout) let one API call against an unreachable
/// account hang for minutes; here a call gives up after about 4 seconds of refused connections, or
/// 30 seconds per try on a connection that stopped answering, and the caller answers 503 (the API) or
/// retries durably (the activities that record executions).
/// </summary>
public static class StorageClientDefaults
{
    /// <summary>Tries after the first; short blips (a restart, a throttled burst) are absorbed here.</summary>
    public const int MaxRetries = 3;

    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(4);

    /// <summary>Longest wait for one network operation (sending a request, or reading part of a response).</summary>
    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(30);

    public static BlobClientOptions Blob() => Apply(new BlobClientOptions());

    public static TableClientOptions Table() => Apply(new TableClientOptions());

    public static QueueClientOptions Queue() => Apply(new QueueClientOptions());

    /// <summary>Sets the retry policy of <paramref name="options"/> and returns them.</summary>
    public static T Apply<T>(T options)
        where T : ClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = MaxRetries;
        options.Retry.Delay = RetryDelay;
        options.Retry.MaxDelay = MaxRetryDelay;
        options.Retry.NetworkTimeout = NetworkTimeout;
        return options;
    }
}

using Azure.Core;
using Microsoft.Extensions.Logging;

namespace Serverless.Durable.Embedded.AzureStorage;

/// <summary>
/// Where and how the Azure Storage Durable backend runs: the storage account (a connection string, or
/// endpoints with a credential), the task hub, and timings tuned for a local process that may be killed.
/// </summary>
/// <remarks>
/// The provider's defaults suit a scaled-out Functions app: 5-minute queue visibility timeouts and 30-second
/// queue polling. Locally they mean a killed process's in-flight work waits minutes to be picked up again
/// and an idle hub answers slowly. The defaults here are seconds; long activities are safe because
/// <see cref="LocalOrchestrationService"/> renews their locks while they run.
/// </remarks>
public sealed class AzureStorageDurableHostOptions
{
    /// <summary>Storage connection string (Azurite: <c>UseDevelopmentStorage=true</c>). Never printed.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Blob service endpoint, used with <see cref="Credential"/> when there is no connection string.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Credential for <see cref="BlobServiceUri"/> (queue and table endpoints are derived from it).</summary>
    public TokenCredential? Credential { get; set; }

    /// <summary>Task hub name: 3–45 letters and digits, starting with a letter. Separate hubs never see each other's instances.</summary>
    public string TaskHubName { get; set; } = "flows";

    /// <summary>Control queues (partitions). One is plenty for one local process.</summary>
    public int PartitionCount { get; set; } = 1;

    /// <summary>How long a dequeued message stays invisible: the time before a killed process's work is picked up again.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait between two polls of an idle queue (provider default: 30 s).</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Partition lease duration: how long a killed process keeps its partition (table partition manager).</summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most activities run at once.</summary>
    public int MaxConcurrentActivityWorkItems { get; set; } = 100;

    /// <summary>Most orchestration episodes run at once.</summary>
    public int MaxConcurrentOrchestrationWorkItems { get; set; } = 100;

    /// <summary>Least severe log level forwarded to the logger factory.</summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Warning;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) && (BlobServiceUri is null || Credential is null))
        {
            throw new ArgumentException("The Azure Storage Durable backend needs a storage connection string, or a blob service URL with a credential.");
        }

        if (TaskHubName.Length is < 3 or > 45 || !char.IsAsciiLetter(TaskHubName[0]) || !TaskHubName.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"Invalid task hub name '{TaskHubName}': use 3 to 45 letters and digits, starting with a letter.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(PartitionCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(PartitionCount, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(VisibilityTimeout, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxQueuePollingInterval, TimeSpan.FromMilliseconds(100));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentActivityWorkItems, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentOrchestrationWorkItems, 1);
    }
}

using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Engine.Azure;
using Serverless.Engine.Azure.Triggers;
using Serverless.Engine.Triggers;

namespace Serverless.Serve;

/// <summary>
/// Blob and Queue triggers in <c>flows serve</c> when it runs on Azure Storage (or Azurite): the server polls
/// the containers and queues the flows' triggers name, every <see cref="ServeOptions.TriggerPollInterval"/>,
/// in the same account as the flows. With local storage there is nothing to poll and this module adds nothing.
/// </summary>
/// <remarks>
/// Polling replaces the Functions app's blob (Event Grid) and queue trigger functions; starts go through the
/// same <see cref="TriggerMatcher"/> and deterministic ids, so a blob seen by two polls starts its flow once.
/// </remarks>
public sealed class StoragePollingServeModule : IServeModule
{
    public void ConfigureServer(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var blobs = Instance<BlobServiceClient>(services);
        var queues = Instance<QueueServiceClient>(services);
        if (blobs is null && queues is null)
        {
            return;
        }

        services.AddSingleton(sp => new StoragePollingOptions
        {
            Blobs = blobs,
            Queues = queues,
            Interval = sp.GetRequiredService<ServeOptions>().TriggerPollInterval,
        });
        services.AddFlowStoragePolling(_ => { });
    }

    /// <summary>The client <see cref="ServeHost"/> registered for Azure Storage, if any.</summary>
    private static T? Instance<T>(IServiceCollection services)
        where T : class =>
        services.LastOrDefault(d => d.ServiceType == typeof(T))?.ImplementationInstance as T;
}

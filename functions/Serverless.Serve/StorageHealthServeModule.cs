using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Serverless.Serve;

/// <summary>
/// Says in the server log when the storage account becomes unreachable and when it is back, once each,
/// whether or not anyone calls the API: on the durable backend an outage otherwise shows only as
/// executions that stop moving. Azure Storage only; with local storage this module adds nothing.
/// </summary>
public sealed class StorageHealthServeModule : IServeModule
{
    public void ConfigureServer(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.LastOrDefault(d => d.ServiceType == typeof(BlobServiceClient))?.ImplementationInstance is BlobServiceClient blobs)
        {
            services.AddHostedService(sp => new StorageHealthService(blobs, sp.GetRequiredService<ILogger<StorageHealthService>>()));
        }
    }
}

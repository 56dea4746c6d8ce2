using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Serverless.Durable.Embedded.AzureStorage;

/// <summary>
/// The durable local backend: the same <c>Microsoft.DurableTask</c> worker and client as
/// <see cref="Embedded.EmbeddedDurableHost"/>, talking over loopback gRPC to the public sidecar server
/// (<c>TaskHubGrpcServer</c>) on top of the Azure Storage provider — queues, tables and blobs in Azurite or a
/// real account. Instances survive a process exit (even <c>kill -9</c>): start the same host again on the same
/// task hub and in-flight executions continue.
/// </summary>
/// <remarks>
/// Delivery is at least once, as in Azure: an activity that was running when the process died runs again
/// after the queue visibility timeout (<see cref="AzureStorageDurableHostOptions.VisibilityTimeout"/>).
/// </remarks>
public sealed partial class AzureStorageDurableHost : IAsyncDisposable
{
    private readonly WebApplication _sidecar;
    private readonly GrpcChannel _channel;
    private readonly IHost _worker;
    private readonly LocalOrchestrationService _service;

    private AzureStorageDurableHost(WebApplication sidecar, GrpcChannel channel, IHost worker, LocalOrchestrationService service)
    {
        _sidecar = sidecar;
        _channel = channel;
        _worker = worker;
        _service = service;
        Client = worker.Services.GetRequiredService<DurableTaskClient>();
    }

    /// <summary>Client for starting, querying, raising events to and terminating instances.</summary>
    public DurableTaskClient Client { get; }

    /// <summary>The worker's services, where activities resolve their dependencies.</summary>
    public IServiceProvider Services => _worker.Services;

    /// <summary>Creates the task hub if needed, then starts the sidecar, the worker and the client.</summary>
    public static async Task<AzureStorageDurableHost> StartAsync(
        Action<DurableTaskRegistry> register,
        AzureStorageDurableHostOptions options,
        Action<IServiceCollection>? configureServices = null,
        ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var storage = new AzureStorageOrchestrationService(Settings(options, loggerFactory));
        await storage.CreateIfNotExistsAsync();
        var service = new LocalOrchestrationService(storage);
        WebApplication? sidecar = null;
        GrpcChannel? channel = null;
        try
        {
            sidecar = await StartSidecarAsync(service, storage, options, loggerFactory, cancellationToken);
            channel = GrpcChannel.ForAddress(SidecarAddress(sidecar), new GrpcChannelOptions { MaxReceiveMessageSize = null, MaxSendMessageSize = null });
            var worker = BuildWorker(channel, register, options, configureServices, loggerFactory);
            await worker.StartAsync(cancellationToken);
            return new AzureStorageDurableHost(sidecar, channel, worker, service);
        }
        catch
        {
            channel?.Dispose();
            if (sidecar is not null)
            {
                await sidecar.StopAsync(CancellationToken.None);
                await sidecar.DisposeAsync();
            }

            await service.StopAsync(isForced: true);
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _worker.StopAsync();
        _worker.Dispose();
        await _channel.ShutdownAsync();
        _channel.Dispose();
        await _sidecar.StopAsync();
        await _sidecar.DisposeAsync();
        await _service.StopAsync(isForced: false);
        await _service.DisposeAsync();
    }

    private static AzureStorageOrchestrationServiceSettings Settings(AzureStorageDurableHostOptions options, ILoggerFactory? loggerFactory)
    {
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = string.IsNullOrWhiteSpace(options.ConnectionString)
                ? new StorageAccountClientProvider(options.BlobServiceUri!, Endpoint(options.BlobServiceUri!, "queue"), Endpoint(options.BlobServiceUri!, "table"), options.Credential!)
                : new StorageAccountClientProvider(options.ConnectionString),
            TaskHubName = options.TaskHubName,
            PartitionCount = options.PartitionCount,
            ControlQueueVisibilityTimeout = options.VisibilityTimeout,
            WorkItemQueueVisibilityTimeout = options.VisibilityTimeout,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            UseTablePartitionManagement = true,
            LeaseInterval = options.LeaseInterval,
            LeaseRenewInterval = options.LeaseInterval / 3,
            LeaseAcquireInterval = options.LeaseInterval / 3,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivityWorkItems,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrationWorkItems,
        };
        if (loggerFactory is not null)
        {
            settings.LoggerFactory = loggerFactory;
        }

        return settings;
    }

    /// <summary><c>https://acct.blob.core.windows.net</c> → <c>https://acct.{service}.core.windows.net</c>.</summary>
    private static Uri Endpoint(Uri blob, string service) =>
        new UriBuilder(blob) { Host = blob.Host.Replace(".blob.", $".{service}.", StringComparison.OrdinalIgnoreCase) }.Uri;
}

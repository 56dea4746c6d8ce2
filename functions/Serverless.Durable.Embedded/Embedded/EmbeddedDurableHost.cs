using Grpc.Net.Client;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Serverless.Durable.Embedded;

/// <summary>
/// The embedded Durable Task host: the real <c>Microsoft.DurableTask</c> worker and client, talking over gRPC to
/// an in-process sidecar backed by an in-memory store, so flows run on a laptop or in tests with nothing else
/// installed.
/// </summary>
/// <remarks>
/// The orchestrations and activities registered here are the same ones the Functions app registers; only the
/// backend differs. State lives in memory: a process exit loses running executions (use the durable backend for
/// that). The sidecar listens on a free loopback port, never on another interface.
/// </remarks>
public sealed class EmbeddedDurableHost : IAsyncDisposable
{
    private readonly EmbeddedSidecar _sidecar;
    private readonly GrpcChannel _channel;
    private readonly IHost _worker;

    private EmbeddedDurableHost(EmbeddedSidecar sidecar, GrpcChannel channel, IHost worker)
    {
        _sidecar = sidecar;
        _channel = channel;
        _worker = worker;
        Client = worker.Services.GetRequiredService<DurableTaskClient>();
    }

    /// <summary>Client for starting, querying, raising events to and terminating instances.</summary>
    public DurableTaskClient Client { get; }

    /// <summary>The worker's services, where activities resolve their dependencies.</summary>
    public IServiceProvider Services => _worker.Services;

    /// <summary>Starts the backend, the worker and the client with the default options.</summary>
    public static Task<EmbeddedDurableHost> StartAsync(
        Action<DurableTaskRegistry> register,
        Action<IServiceCollection>? configureServices = null,
        ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default) =>
        StartAsync(register, new EmbeddedDurableHostOptions(), configureServices, loggerFactory, cancellationToken);

    /// <summary>Starts the backend, the worker and the client.</summary>
    public static async Task<EmbeddedDurableHost> StartAsync(
        Action<DurableTaskRegistry> register,
        EmbeddedDurableHostOptions options,
        Action<IServiceCollection>? configureServices = null,
        ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        EmbeddedSidecar sidecar = await EmbeddedSidecar.StartAsync(options, loggerFactory, cancellationToken);
        GrpcChannel? channel = null;
        try
        {
            channel = GrpcChannel.ForAddress(sidecar.Address, new GrpcChannelOptions
            {
                MaxReceiveMessageSize = null,
                MaxSendMessageSize = null,
            });
            IHost workerHost = BuildWorker(channel, register, options, configureServices, loggerFactory);
            await workerHost.StartAsync(cancellationToken);
            return new EmbeddedDurableHost(sidecar, channel, workerHost);
        }
        catch
        {
            channel?.Dispose();
            await sidecar.DisposeAsync();
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
        await _sidecar.DisposeAsync();
    }

    /// <summary>The worker and client host: user services first, so activities can depend on them.</summary>
    private static IHost BuildWorker(
        GrpcChannel channel,
        Action<DurableTaskRegistry> register,
        EmbeddedDurableHostOptions options,
        Action<IServiceCollection>? configureServices,
        ILoggerFactory? loggerFactory)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        EmbeddedSidecar.ConfigureLogging(builder.Logging, options, loggerFactory);
        configureServices?.Invoke(builder.Services);
        CallerOwnedLifetime.Use(builder.Services);
        builder.Services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc(channel);
            worker.AddTasks(register);
            worker.Configure(o =>
            {
                o.Concurrency.MaximumConcurrentActivityWorkItems = options.MaxConcurrentActivityWorkItems;
                o.Concurrency.MaximumConcurrentOrchestrationWorkItems = options.MaxConcurrentOrchestrationWorkItems;
            });
        });
        builder.Services.AddDurableTaskClient(client =>
        {
            client.UseGrpc(channel);
            client.RegisterDirectly();
        });
        return builder.Build();
    }
}

using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Durable.Embedded.AzureStorage;
using Serverless.Engine.Activities;
using Serverless.Engine.Azure;
using Serverless.Engine.Executions;
using Serverless.Engine.Hosting;
using Serverless.Engine.Logs;
using Serverless.Engine.Storage;

namespace Serverless.Durable.Embedded;

/// <summary>
/// The engine running in this process: the embedded Durable host with the flow orchestration and task
/// activity registered, and an <see cref="ExecutionClient"/> to drive it.
/// </summary>
public sealed class EmbeddedEngine : IAsyncDisposable
{
    private readonly IAsyncDisposable _host;

    private EmbeddedEngine(IAsyncDisposable host, DurableTaskClient client, IServiceProvider services)
    {
        _host = host;
        Services = services;
        Executions = new ExecutionClient(client, storage: services.GetService<IInternalStorage>());
    }

    public ExecutionClient Executions { get; }

    public IServiceProvider Services { get; }

    /// <summary>Starts the engine; <paramref name="configure"/> may add services (storage, log sink, functions).</summary>
    public static Task<EmbeddedEngine> StartAsync(IExecutionLogSink? logs = null, Action<IServiceCollection>? configure = null, CancellationToken cancellationToken = default) =>
        StartAsync(new EngineHostOptions(), logs, configure, cancellationToken);

    /// <summary>Starts the engine on the backend <paramref name="hosting"/> names (in memory, or Azure Storage for executions that survive restarts).</summary>
    public static async Task<EmbeddedEngine> StartAsync(EngineHostOptions hosting, IExecutionLogSink? logs = null, Action<IServiceCollection>? configure = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hosting);
        void Configure(IServiceCollection services)
        {
            if (logs is not null)
            {
                services.AddSingleton(logs);
            }

            configure?.Invoke(services);
            services.AddSingleton<IExecutionStarter>(sp => new ClientExecutionStarter(sp.GetRequiredService<DurableTaskClient>()));
            services.AddFlowsAzure();
            services.AddFlowEngine();
        }

        if (hosting.Backend == DurableBackend.AzureStorage)
        {
            var durable = await AzureStorageDurableHost.StartAsync(registry => registry.AddFlowEngine(), hosting.AzureStorage, Configure, cancellationToken: cancellationToken);
            return new EmbeddedEngine(durable, durable.Client, durable.Services);
        }

        var host = await EmbeddedDurableHost.StartAsync(registry => registry.AddFlowEngine(), Configure, cancellationToken: cancellationToken);
        return new EmbeddedEngine(host, host.Client, host.Services);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}

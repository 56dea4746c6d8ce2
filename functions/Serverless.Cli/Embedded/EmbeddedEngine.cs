using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Engine.Activities;
using Serverless.Engine.Executions;
using Serverless.Engine.Hosting;
using Serverless.Engine.Logs;

namespace Serverless.Cli.Embedded;

/// <summary>
/// The engine running in this process: the embedded Durable host with the flow orchestration and task
/// activity registered, and an <see cref="ExecutionClient"/> to drive it.
/// </summary>
public sealed class EmbeddedEngine : IAsyncDisposable
{
    private readonly EmbeddedDurableHost _host;

    private EmbeddedEngine(EmbeddedDurableHost host)
    {
        _host = host;
        Executions = new ExecutionClient(host.Client);
    }

    public ExecutionClient Executions { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>Starts the engine; <paramref name="configure"/> may add services (storage, log sink, functions).</summary>
    public static async Task<EmbeddedEngine> StartAsync(IExecutionLogSink? logs = null, Action<IServiceCollection>? configure = null, CancellationToken cancellationToken = default)
    {
        var host = await EmbeddedDurableHost.StartAsync(
            registry => registry.AddFlowEngine(),
            services =>
            {
                if (logs is not null)
                {
                    services.AddSingleton(logs);
                }

                configure?.Invoke(services);
                services.AddSingleton<IExecutionStarter>(sp => new ClientExecutionStarter(sp.GetRequiredService<DurableTaskClient>()));
                services.AddFlowEngine();
            },
            cancellationToken: cancellationToken);
        return new EmbeddedEngine(host);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}

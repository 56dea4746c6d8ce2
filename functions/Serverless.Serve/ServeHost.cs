using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Durable.Embedded.AzureStorage;
using Serverless.Durable.Embedded;
using Serverless.Api;
using Serverless.Api.AspNetCore;
using Serverless.Engine.Azure;
using Serverless.Engine.Executions;
using Serverless.Engine.Flows;
using Serverless.Engine.Logs;
using Serverless.Engine.Records;
using Serverless.Engine.Storage;

namespace Serverless.Serve;

/// <summary>
/// <c>flows serve</c> as an object: the embedded engine plus the <c>/api/v1</c> routes on Kestrel. Tests start it
/// on port 0 and talk to <see cref="Address"/> over real HTTP; the command starts it and waits for Ctrl+C.
/// </summary>
public sealed partial class ServeHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmbeddedEngine _engine;
    private readonly ServeStorage _storage;

    private ServeHost(WebApplication app, EmbeddedEngine engine, ServeStorage storage, Uri address)
    {
        _app = app;
        _engine = engine;
        _storage = storage;
        Address = address;
    }

    /// <summary>The bound base address, e.g. <c>http://127.0.0.1:51234/</c>.</summary>
    public Uri Address { get; }

    public EmbeddedEngine Engine => _engine;

    /// <summary>The server's services (API, stores, records, modules' services).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Where flows and files are stored, for the start-up banner.</summary>
    public string StorageDescription => _storage.Description;

    public static async Task<ServeHost> StartAsync(ServeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var keys = new ApiKeyCheck(options.ApiKey);
        if (keys.IsOpen && !IsLoopback(options.Host))
        {
            throw new InvalidOperationException($"Refusing to listen on {options.Host} without an API key: set --api-key or FLOWS_API_KEY, or listen on 127.0.0.1.");
        }

        var modules = options.Modules ?? DiscoverModules();
        var storage = ServeStorage.Create(options);
        EmbeddedEngine? engine = null;
        try
        {
            var sink = options.LogSink is null ? (IExecutionLogSink)storage.Logs : new CompositeLogSink(options.LogSink, (IExecutionLogSink)storage.Logs);
            var hosting = DurableHosting.Create(options.Backend, EngineStorage.Parse(options.Storage), options.ContainerPrefix);
            engine = await EmbeddedEngine.StartAsync(hosting, sink, services =>
            {
                services.AddFlowStorage(storage.Stores);
                services.AddAzureStorageFaults();
                services.AddSingleton<IFlowResolver>(new ServeFlowResolver(storage.Stores.Flows));
                services.AddExecutionRecords(storage.Records, storage.Logs);
                foreach (var module in modules)
                {
                    module.ConfigureEngine(services);
                }
            }, cancellationToken);

            var app = BuildApp(options, storage, engine, modules, keys);
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new ServeHost(app, engine, storage, new Uri(address.EndsWith('/') ? address : address + "/"));
        }
        catch
        {
            if (engine is not null)
            {
                await engine.DisposeAsync();
            }

            await storage.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> fires (Ctrl+C in the command) or the server stops (SIGTERM).</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _app.Lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        await _engine.DisposeAsync();
        await _storage.DisposeAsync();
    }

    private static void AddStores(IServiceCollection services, ServeStorage storage)
    {
        services.AddSingleton(storage.Stores);
        services.AddSingleton(storage.Stores.Flows);
        services.AddSingleton(storage.Stores.NamespaceFiles);
        services.AddSingleton(storage.Stores.InternalStorage);
        services.AddSingleton(storage.Stores.KeyValues);
    }

    private static bool IsLoopback(string host) =>
        host is "localhost" || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));

    private static List<IServeModule> DiscoverModules() =>
    [
        .. typeof(ServeHost).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IServeModule).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IServeModule)Activator.CreateInstance(t)!),
    ];
}

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Serverless.Durable.Embedded;

/// <summary>
/// The in-process gRPC sidecar: Kestrel on a free loopback port serving the Durable Task sidecar protocol
/// (<see cref="SidecarService"/>) over the in-memory <see cref="InstanceStore"/>.
/// </summary>
internal sealed class EmbeddedSidecar : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly InstanceStore _store;

    private EmbeddedSidecar(WebApplication app, InstanceStore store, Uri address)
    {
        _app = app;
        _store = store;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<EmbeddedSidecar> StartAsync(
        EmbeddedDurableHostOptions options, ILoggerFactory? loggerFactory, CancellationToken cancellationToken)
    {
        var store = new InstanceStore(options.TimeProvider, new EndedInstanceLimits(options.MaxEndedInstances, options.EndedInstanceRetention));
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        ConfigureLogging(builder.Logging, options, loggerFactory);
        builder.Services.AddRouting();
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = null;
            grpc.MaxSendMessageSize = null;
        });
        builder.Services.AddSingleton(store);
        CallerOwnedLifetime.Use(builder.Services);

        WebApplication app = builder.Build();
        app.UseRouting();
        app.MapGrpcService<SidecarService>();
        await app.StartAsync(cancellationToken);

        string address = app.Services.GetRequiredService<IServer>().Features
            .Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The embedded sidecar started without a listening address.");
        return new EmbeddedSidecar(app, store, new Uri(address));
    }

    /// <summary>Same filter on every embedded host: the options' level, forwarded to the caller's factory.</summary>
    public static void ConfigureLogging(
        ILoggingBuilder logging, EmbeddedDurableHostOptions options, ILoggerFactory? loggerFactory)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(options.MinimumLogLevel);
        if (loggerFactory is not null)
        {
            logging.AddProvider(new ForwardingLoggerProvider(loggerFactory));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _store.StopAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using System.Net;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serverless.Durable.Embedded;

namespace Serverless.Durable.Embedded.AzureStorage;

/// <summary>The two in-process hosts: the gRPC sidecar over Azure Storage, and the worker with the client.</summary>
public sealed partial class AzureStorageDurableHost
{
    /// <summary>Kestrel on a free loopback port serving <c>TaskHubGrpcServer</c>, which dispatches once the worker connects.</summary>
    private static async Task<WebApplication> StartSidecarAsync(
        LocalOrchestrationService service,
        AzureStorageOrchestrationService storage,
        AzureStorageDurableHostOptions options,
        ILoggerFactory? loggerFactory,
        CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        ConfigureLogging(builder.Logging, options, loggerFactory);
        builder.Services.AddRouting();
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = null;
            grpc.MaxSendMessageSize = null;
        });
        builder.Services.AddOptions<TaskHubGrpcServerOptions>();
        builder.Services.AddSingleton<IOrchestrationService>(service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(storage);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        CallerOwnedLifetime.Use(builder.Services);

        var app = builder.Build();
        app.UseRouting();
        app.MapGrpcService<TaskHubGrpcServer>();
        await app.StartAsync(cancellationToken);
        return app;
    }

    private static Uri SidecarAddress(WebApplication sidecar) =>
        new(sidecar.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The Durable sidecar started without a listening address."));

    /// <summary>The worker and client host: user services first, so activities can depend on them.</summary>
    private static IHost BuildWorker(
        GrpcChannel channel,
        Action<DurableTaskRegistry> register,
        AzureStorageDurableHostOptions options,
        Action<IServiceCollection>? configureServices,
        ILoggerFactory? loggerFactory)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        ConfigureLogging(builder.Logging, options, loggerFactory);
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

    private static void ConfigureLogging(ILoggingBuilder logging, AzureStorageDurableHostOptions options, ILoggerFactory? loggerFactory)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(options.MinimumLogLevel);
        if (loggerFactory is not null)
        {
            logging.AddProvider(new ForwardingLoggerProvider(loggerFactory));
        }
    }
}

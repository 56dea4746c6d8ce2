using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Durable.Embedded;
using Serverless.Api;
using Serverless.Api.AspNetCore;
using Serverless.Engine.Azure;
using Serverless.Engine.Records;
using Serverless.Engine.Storage;

namespace Serverless.Serve;

/// <summary>The ASP.NET Core side: Kestrel, services, and one endpoint per API route.</summary>
public sealed partial class ServeHost
{
    private static WebApplication BuildApp(ServeOptions options, ServeStorage storage, EmbeddedEngine engine, IReadOnlyList<IServeModule> modules, ApiKeyCheck keys)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        if (options.ConsoleLogging)
        {
            // Logs go to stderr: stdout carries only the URL, for scripts.
            builder.Logging.AddSimpleConsole(c => c.SingleLine = true)
                .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
                .AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
            builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(c => c.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Per-route limits are enforced while reading; the transport only stops what no route accepts.
            kestrel.Limits.MaxRequestBodySize = options.Api.MaxFileBytes + (16 * 1024 * 1024);
            kestrel.Listen(IPAddress.Parse(options.Host is "localhost" ? "127.0.0.1" : options.Host), options.Port);
        });

        builder.Services.Configure<Microsoft.Extensions.Hosting.ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        var services = builder.Services;
        AddStores(services, storage);
        services.AddSingleton(engine.Executions);
        services.AddSingleton(engine.Executions.Durable);
        services.AddSingleton(options);

        // The server's own services (scheduler, API) tell a storage outage from a bug the same way the engine does.
        services.AddAzureStorageFaults();
        if (storage.Blobs is not null && storage.Queues is not null)
        {
            services.AddSingleton(storage.Blobs);
            services.AddSingleton(storage.Queues);
        }

        services.AddExecutionRecords(storage.Records, storage.Logs);
        services.AddSingleton(options.Api);
        services.AddFlowApi();
        foreach (var module in modules)
        {
            module.ConfigureServer(services);
        }

        var app = builder.Build();
        var api = app.Services.GetRequiredService<FlowApi>();
        var executions = app.Services.GetRequiredService<Serverless.Engine.Executions.ExecutionClient>();
        var formLimit = options.Api.MaxFileBytes + (1024 * 1024);
        foreach (var route in ApiRoutes.All)
        {
            app.MapMethods("/" + route.Template, route.Methods, async (HttpContext context) =>
            {
                var ct = context.RequestAborted;
                if (!route.Anonymous && !keys.Allows(context.Request))
                {
                    await AspNetApiAdapter.WriteAsync(context, ApiResponse.Error(401, "An API key is required: send it in the x-functions-key header or the code query parameter."), ct);
                    return;
                }

                var response = await api.HandleAsync(route.Name, AspNetApiAdapter.ToApiRequest(context, formLimit), executions, ct);
                await AspNetApiAdapter.WriteAsync(context, response, ct);
            });
        }

        app.MapFallback(async (HttpContext context) =>
            await AspNetApiAdapter.WriteAsync(context, ApiResponse.Error(404, $"No route {context.Request.Method} {context.Request.Path}; see /api/v1/openapi.json."), context.RequestAborted));
        return app;
    }
}

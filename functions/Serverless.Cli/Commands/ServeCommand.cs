using System.CommandLine;
using Serverless.Durable.Embedded.AzureStorage;
using Serverless.Durable.Embedded;
using Serverless.Serve;
using Serverless.Cli.Terminal;
using Serverless.Engine.Storage;

namespace Serverless.Cli.Commands;

/// <summary>
/// <c>flows serve</c>: the Kestra-compatible <c>/api/v1</c> API on the embedded engine, on 127.0.0.1 by default,
/// until Ctrl+C. Without an API key the API is open, so it then refuses any interface but loopback.
/// </summary>
internal static class ServeCommand
{
    public const string ApiKeyVariable = "FLOWS_API_KEY";

    public static Command Create()
    {
        var port = new Option<int>("--port", "-p") { Description = "TCP port to listen on.", DefaultValueFactory = _ => 8080 };
        var host = new Option<string>("--host") { Description = "Interface to listen on; anything but 127.0.0.1 needs an API key.", DefaultValueFactory = _ => "127.0.0.1" };
        var storage = new Option<string?>("--storage")
        {
            Description = $"local (./.flows), local:PATH, azurite, a blob endpoint URL (managed identity) or a storage connection string (default: ${EngineStorage.Variable}, else local).",
        };
        var backend = new Option<DurableBackend?>("--backend")
        {
            Description = $"Durable backend: memory (default; executions end with the process) or azurestorage (executions survive restarts; needs --storage azurite or an account). Default: ${DurableHosting.Variable}, else memory.",
        };
        var apiKey = new Option<string?>("--api-key") { Description = $"Key required in the x-functions-key header or ?code= (default: ${ApiKeyVariable})." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Do not print task logs." };
        var command = new Command("serve", "Serve the Kestra-compatible /api/v1 API on the embedded engine until Ctrl+C.")
        {
            port, host, storage, backend, apiKey, quiet,
        };
        command.SetAction((result, cancellation) => RunAsync(
            new ServeOptions
            {
                Port = result.GetValue(port),
                Host = result.GetValue(host) ?? "127.0.0.1",
                Storage = result.GetValue(storage),
                Backend = result.GetValue(backend) ?? DurableBackend.Memory,
                ApiKey = result.GetValue(apiKey) ?? Environment.GetEnvironmentVariable(ApiKeyVariable),
                ConsoleLogging = true,
            },
            result.GetValue(quiet),
            result.GetValue(backend) is null,
            cancellation));
        return command;
    }

    private static async Task<int> RunAsync(ServeOptions options, bool quiet, bool backendFromEnvironment, CancellationToken cancellation)
    {
        var stderr = Consoles.Stderr();
        try
        {
            options.Backend = backendFromEnvironment ? DurableHosting.Parse(null) : options.Backend;
        }
        catch (ArgumentException e)
        {
            stderr.Error(e.Message + $" (from ${DurableHosting.Variable})");
            return 1;
        }
        if (!quiet)
        {
            options.LogSink = new ConsoleLogSink(stderr);
        }

        ServeHost host;
        try
        {
            host = await ServeHost.StartAsync(options, cancellation);
        }
        catch (Exception e) when (e is InvalidOperationException or StorageException or IOException or ArgumentException or FormatException)
        {
            stderr.Error(e.Message);
            return 1;
        }

        await using (host)
        {
            Console.Out.WriteLine(new Uri(host.Address, "api/v1/"));
            stderr.Dim($"storage: {host.StorageDescription}; Durable backend: {(options.Backend == DurableBackend.AzureStorage ? "Azure Storage (executions survive restarts)" : "in memory")}");
            if (string.IsNullOrEmpty(options.ApiKey))
            {
                stderr.Warn($"No API key is set (--api-key or {ApiKeyVariable}): the API is open to every local process. Listening on {options.Host} only.");
            }

            stderr.Dim("Press Ctrl+C to stop.");
            await host.WaitAsync(cancellation);
        }

        return 0;
    }
}

using Serverless.Api;
using Serverless.Durable.Embedded.AzureStorage;
using Serverless.Engine.Logs;

namespace Serverless.Serve;

/// <summary>How <see cref="ServeHost"/> runs: where it listens, which storage it uses, which key guards the API.</summary>
public sealed class ServeOptions
{
    /// <summary>TCP port; 0 picks a free one (tests), the bound address is <see cref="ServeHost.Address"/>.</summary>
    public int Port { get; set; } = 8080;

    /// <summary>Interface to bind. Anything but loopback needs <see cref="ApiKey"/>.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary><c>local</c>, <c>local:PATH</c>, <c>azurite</c>, a blob endpoint URL (managed identity) or a connection string; null reads <c>FLOWS_STORAGE</c>, else local.</summary>
    public string? Storage { get; set; }

    /// <summary>Durable Task backend: in memory (default), or Azure Storage on the <see cref="Storage"/> account so executions survive restarts.</summary>
    public DurableBackend Backend { get; set; } = DurableBackend.Memory;

    /// <summary>Root folder for <c>local</c> storage; defaults to <c>./.flows</c>.</summary>
    public string? LocalRoot { get; set; }

    /// <summary>Prefix of containers and tables, to keep environments (and tests) apart.</summary>
    public string ContainerPrefix { get; set; } = "";

    /// <summary>The key every route but the webhook requires (<c>x-functions-key</c> header or <c>?code=</c>); null leaves the API open.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Where task logs are printed besides the log store (the console in the CLI); null prints nothing.</summary>
    public IExecutionLogSink? LogSink { get; set; }

    /// <summary>Whether ASP.NET Core and engine logs go to the console.</summary>
    public bool ConsoleLogging { get; set; }

    public ApiOptions Api { get; set; } = new();

    /// <summary>How often Blob and Queue triggers poll the storage account (Azure Storage only; tests shorten it).</summary>
    public TimeSpan TriggerPollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Modules that add background services (schedulers, pollers); null discovers every <see cref="IServeModule"/> of the CLI.</summary>
    public IReadOnlyList<IServeModule>? Modules { get; set; }
}

using System.Collections;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Durable.Embedded;
using Serverless.Engine.Executions;
using Serverless.Engine.Logs;
using Serverless.Engine.Parsing;
using Serverless.Engine.Records;
using Serverless.Engine.Secrets;
using Serverless.Engine.Storage;
using Serverless.Engine.Tests.Storage;
using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Tasks;

/// <summary>
/// One embedded engine with local storage in a temporary folder and a fixed set of secrets, shared by the
/// task tests. The KV store runs on a manual clock so TTL tests move time instead of sleeping.
/// </summary>
public sealed class TaskEngineFixture : IAsyncLifetime
{
    /// <summary>Secrets as the environment store would read them: SECRET_NAME = base64(value).</summary>
    public static readonly IReadOnlyDictionary<string, string> Secrets = new Dictionary<string, string>
    {
        ["API_TOKEN"] = "tok-3f9a1c77e2",
        ["PEM_KEY"] = "-----BEGIN KEY-----\nAAAAline-one-secret\nBBBBline-two-secret\n-----END KEY-----",
    };

    private EmbeddedEngine? _engine;

    public string Root { get; } = Directory.CreateTempSubdirectory("flows-tasks-tests-").FullName;

    public ManualTimeProvider KvClock { get; } = new(DateTimeOffset.UtcNow);

    public RecordingLogSink Logs { get; } = new();

    public StorageStores Stores { get; private set; } = null!;

    public EmbeddedEngine Engine => _engine ?? throw new InvalidOperationException("The engine has not started.");

    public async Task InitializeAsync()
    {
        var local = LocalStores.Create(Root);
        Stores = local with { KeyValues = new LocalKeyValueStore(Root, "", KvClock) };
        var variables = new Hashtable();
        foreach (var (name, value) in Secrets)
        {
            variables["SECRET_" + name] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value));
        }

        var logStore = new InMemoryLogStore();
        _engine = await EmbeddedEngine.StartAsync(new CompositeLogSink(Logs, logStore), services =>
        {
            services.AddSingleton<IExecutionLogStore>(logStore);
            services.AddSingleton<ISecretMasker, SecretMasker>();
            services.AddSingleton<ISecretStore>(sp => new EnvironmentSecretStore(variables, sp.GetRequiredService<ISecretMasker>()));
            services.AddFlowStorage(Stores);
        });
    }

    public async Task DisposeAsync()
    {
        if (_engine is not null)
        {
            await _engine.DisposeAsync();
        }

        Directory.Delete(Root, recursive: true);
    }

    /// <summary>Parses <paramref name="yaml"/>, runs it and waits for the end.</summary>
    public async Task<Execution> RunAsync(string yaml, IReadOnlyDictionary<string, object?>? inputs = null)
    {
        var flow = FlowParser.Default.ParseValid(yaml);
        var id = await Engine.Executions.StartAsync(flow, inputs ?? new Dictionary<string, object?>());
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await Engine.Executions.WaitAsync(id, timeout.Token);
    }

    /// <summary>Every log message of the execution, in order.</summary>
    public IReadOnlyList<LogEntry> LogsOf(Execution execution) => Logs.For(execution.Id);

    public async Task WriteNamespaceFileAsync(string ns, string path, string content)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content));
        await Stores.NamespaceFiles.WriteAsync(ns, path, stream);
    }

    public async Task<string> ReadInternalAsync(string uri)
    {
        await using var stream = await Stores.InternalStorage.OpenReadAsync(new Uri(uri));
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class TaskEngineCollection : ICollectionFixture<TaskEngineFixture>
{
    public const string Name = "Task engine";
}

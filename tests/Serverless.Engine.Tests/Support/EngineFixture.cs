using Serverless.Durable.Embedded;
using Serverless.Engine.Executions;
using Serverless.Engine.Logs;
using Serverless.Engine.Parsing;

namespace Serverless.Engine.Tests.Support;

/// <summary>One embedded engine shared by a test collection; flows run on the real Durable Task worker.</summary>
public sealed class EngineFixture : IAsyncLifetime
{
    private EmbeddedEngine? _engine;

    public RecordingLogSink Logs { get; } = new();

    public EmbeddedEngine Engine => _engine ?? throw new InvalidOperationException("The engine has not started.");

    public async Task InitializeAsync() => _engine = await EmbeddedEngine.StartAsync(Logs);

    public async Task DisposeAsync()
    {
        if (_engine is not null)
        {
            await _engine.DisposeAsync();
        }
    }

    /// <summary>Parses <paramref name="yaml"/>, runs it with <paramref name="inputs"/> and waits for the end.</summary>
    public async Task<Execution> RunAsync(string yaml, IReadOnlyDictionary<string, object?>? inputs = null)
    {
        var flow = FlowParser.Default.ParseValid(yaml);
        var id = await Engine.Executions.StartAsync(flow, inputs ?? new Dictionary<string, object?>());
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await Engine.Executions.WaitAsync(id, timeout.Token);
    }
}

[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "Embedded engine";
}

/// <summary>Keeps every log line, for tests that assert what a task logged.</summary>
public sealed class RecordingLogSink : IExecutionLogSink
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> For(string executionId) => [.. _entries.Where(e => e.ExecutionId == executionId)];

    public void Write(LogEntry entry) => _entries.Enqueue(entry);
}

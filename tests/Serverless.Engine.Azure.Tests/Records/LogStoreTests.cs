using Azure.Data.Tables;
using Serverless.Engine.Logs;
using Serverless.Engine.Records;
using Serverless.Engine.Azure.Records;
using Serverless.Engine.Azure.Tests.Azurite;

namespace Serverless.Engine.Azure.Tests.Records;

/// <summary>Stored logs: write order, follow cursors, flush; in memory and in Table Storage.</summary>
public abstract class LogStoreContract
{
    protected abstract (IExecutionLogSink Sink, IExecutionLogStore Store) Create();

    private static LogEntry Line(string execution, int n) =>
        new(execution, "tr", "task", "INFO", "line " + n, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMilliseconds(n));

    [Fact]
    public async Task Read_AfterFlush_ReturnsLinesInOrderAndResumesAfterCursor()
    {
        var (sink, store) = Create();
        for (var i = 0; i < 150; i++)
        {
            sink.Write(Line("exec1", i));
        }

        sink.Write(Line("other", 0));
        await store.FlushAsync();

        var all = await store.ReadAsync("exec1");
        var rest = await store.ReadAsync("exec1", all[99].Cursor);

        Assert.Equal(150, all.Count);
        Assert.Equal(Enumerable.Range(0, 150).Select(i => "line " + i), all.Select(l => l.Entry.Message));
        Assert.Equal(Enumerable.Range(100, 50).Select(i => "line " + i), rest.Select(l => l.Entry.Message));
        Assert.Empty(await store.ReadAsync("unknown"));
    }

    [Fact]
    public async Task Composite_BrokenSink_DoesNotStopOthers()
    {
        var memory = new InMemoryLogStore();
        var composite = new CompositeLogSink(new ThrowingSink(), memory);

        composite.Write(Line("exec", 1));

        Assert.Single(await memory.ReadAsync("exec"));
    }

    private sealed class ThrowingSink : IExecutionLogSink
    {
        public void Write(LogEntry entry) => throw new InvalidOperationException("broken");
    }
}

public sealed class InMemoryLogStoreTests : LogStoreContract
{
    protected override (IExecutionLogSink, IExecutionLogStore) Create()
    {
        var store = new InMemoryLogStore();
        return (store, store);
    }
}

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class TableLogStoreTests(AzuriteFixture azurite) : LogStoreContract
{
    protected override (IExecutionLogSink, IExecutionLogStore) Create()
    {
        var store = new TableLogStore(new TableServiceClient(azurite.ConnectionString).GetTableClient("logs" + Guid.NewGuid().ToString("N")[..12]));
        return (store, store);
    }
}

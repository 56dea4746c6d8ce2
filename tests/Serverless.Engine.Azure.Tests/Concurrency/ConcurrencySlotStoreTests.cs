using Azure.Data.Tables;
using Serverless.Engine.Concurrency;
using Serverless.Engine.Azure.Concurrency;
using Serverless.Engine.Contracts;
using Serverless.Engine.Flows;
using Serverless.Engine.Azure.Tests.Azurite;

namespace Serverless.Engine.Azure.Tests.Concurrency;

/// <summary>The contract every slot store keeps: atomic per flow, FIFO promotion, idempotent release.</summary>
public abstract class ConcurrencySlotStoreContract
{
    private readonly ConcurrencyKey _key = new("company.team", "limited/" + Guid.NewGuid().ToString("N")[..8]);

    protected abstract IConcurrencySlotStore Store { get; }

    [Fact]
    public async Task Acquire_TwentyAtOnceLimitTwo_TwoRunAndTheRestQueue()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => Store.AcquireAsync(_key, "e" + i, 2, Queued("e" + i), default))));
        var snapshot = await Store.GetAsync(_key, default);

        Assert.Equal(2, outcomes.Count(o => o == SlotOutcome.Acquired));
        Assert.Equal(18, outcomes.Count(o => o == SlotOutcome.Queued));
        Assert.Equal((2, 2, 18), (snapshot.Limit, snapshot.Running.Count, snapshot.Queued.Count));
    }

    [Fact]
    public async Task Release_PromotesOldestQueuedFirstAndIsIdempotent()
    {
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            await Store.AcquireAsync(_key, id, 2, Queued(id), default);
        }

        var first = await Store.ReleaseAsync(_key, "a", default);
        var again = await Store.ReleaseAsync(_key, "a", default);
        var second = await Store.ReleaseAsync(_key, "b", default);

        Assert.Equal(["c"], first.Select(q => q.ExecutionId));
        Assert.Empty(again);
        Assert.Equal(["d"], second.Select(q => q.ExecutionId));
        Assert.Equal(["c", "d"], (await Store.GetAsync(_key, default)).Running);
    }

    [Fact]
    public async Task Release_PromotedExecution_KeepsItsWholeRequest()
    {
        var request = new ExecutionRequest
        {
            ExecutionId = "waiting",
            FlowSource = "id: limited\nnamespace: company.team\n",
            FlowRevision = 3,
            Inputs = new Dictionary<string, object?> { ["n"] = 5L, ["tags"] = new List<object?> { "x", true } },
            Labels = [new Label("team", "data")],
            Trigger = new Dictionary<string, object?> { ["message"] = "hello" },
        };
        var queuedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        await Store.AcquireAsync(_key, "running", 1, Queued("running"), default);
        await Store.AcquireAsync(_key, "waiting", 1, new QueuedExecution("waiting", request, queuedAt), default);

        var promoted = Assert.Single(await Store.ReleaseAsync(_key, "running", default));

        Assert.Equal(("waiting", queuedAt), (promoted.ExecutionId, promoted.QueuedAt));
        Assert.Equal((request.FlowSource, 3, "hello"), (promoted.Request.FlowSource, promoted.Request.FlowRevision, promoted.Request.Trigger!["message"]));
        Assert.Equal(5L, promoted.Request.Inputs!["n"]);
        Assert.Equal(new Label("team", "data"), promoted.Request.Labels.Single());
    }

    [Fact]
    public async Task Release_QueuedExecution_LeavesTheQueueWithoutPromotingIt()
    {
        await Store.AcquireAsync(_key, "a", 1, Queued("a"), default);
        await Store.AcquireAsync(_key, "b", 1, Queued("b"), default);
        await Store.AcquireAsync(_key, "c", 1, Queued("c"), default);

        var dropped = await Store.ReleaseAsync(_key, "b", default);
        var next = await Store.ReleaseAsync(_key, "a", default);

        Assert.Empty(dropped);
        Assert.Equal(["c"], next.Select(q => q.ExecutionId));
        var snapshot = await Store.GetAsync(_key, default);
        Assert.Equal(["c"], snapshot.Running);
        Assert.Empty(snapshot.Queued);
    }

    [Fact]
    public async Task Acquire_SameIdTwice_IsADuplicate()
    {
        await Store.AcquireAsync(_key, "a", 1, Queued("a"), default);
        await Store.AcquireAsync(_key, "b", 1, Queued("b"), default);

        Assert.Equal(SlotOutcome.Duplicate, await Store.AcquireAsync(_key, "a", 1, Queued("a"), default));
        Assert.Equal(SlotOutcome.Duplicate, await Store.AcquireAsync(_key, "b", 1, Queued("b"), default));
        Assert.Equal(SlotOutcome.Full, await Store.AcquireAsync(_key, "c", 1, null, default));
    }

    [Fact]
    public async Task Release_UnknownFlowOrExecution_IsANoOp()
    {
        await Store.AcquireAsync(_key, "a", 1, Queued("a"), default);

        Assert.Empty(await Store.ReleaseAsync(_key with { FlowId = "other" }, "a", default));
        Assert.Empty(await Store.ReleaseAsync(_key, "nobody", default));
        Assert.Equal(["a"], (await Store.GetAsync(_key, default)).Running);
    }

    protected static QueuedExecution Queued(string id) =>
        new(id, new ExecutionRequest { ExecutionId = id, FlowSource = "" }, DateTimeOffset.UnixEpoch);
}

public sealed class InMemoryConcurrencySlotStoreTests : ConcurrencySlotStoreContract
{
    protected override IConcurrencySlotStore Store { get; } = new InMemoryConcurrencySlotStore();
}

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class TableConcurrencySlotStoreTests(AzuriteFixture azurite) : ConcurrencySlotStoreContract
{
    private readonly TableClient _table = new TableServiceClient(azurite.ConnectionString)
        .GetTableClient("slots" + AzuriteFixture.NewContainerPrefix().Replace("-", "", StringComparison.Ordinal));

    protected override IConcurrencySlotStore Store => new TableConcurrencySlotStore(_table);

    [Fact]
    public async Task Acquire_TwoHostsRacingForOneSlot_OnlyOneGetsIt()
    {
        var key = new ConcurrencyKey("company.team", "shared");
        var hosts = new[] { new TableConcurrencySlotStore(_table), new TableConcurrencySlotStore(_table) };

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => hosts[i % 2].AcquireAsync(key, "h" + i, 1, null, default))));
        var holder = (await hosts[0].GetAsync(key, default)).Running;

        Assert.Equal(1, outcomes.Count(o => o == SlotOutcome.Acquired));
        Assert.Equal(9, outcomes.Count(o => o == SlotOutcome.Full));
        Assert.Single(holder);
    }
}

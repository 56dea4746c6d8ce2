using Serverless.Engine.Concurrency;
using Serverless.Engine.Contracts;

namespace Serverless.Engine.Tests.Concurrency;

public sealed class ConcurrencySlotStoreTests
{
    private static readonly ConcurrencyKey Key = new("company.team", "limited");
    private readonly InMemoryConcurrencySlotStore _store = new();

    [Fact]
    public async Task Acquire_TwentyAtOnceLimitTwo_TwoRunAndTheRestQueue()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => _store.AcquireAsync(Key, "e" + i, 2, Queued("e" + i), default))));

        Assert.Equal(2, outcomes.Count(o => o == SlotOutcome.Acquired));
        Assert.Equal(18, outcomes.Count(o => o == SlotOutcome.Queued));
    }

    [Fact]
    public async Task Release_PromotesOldestQueuedFirstAndIsIdempotent()
    {
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            await _store.AcquireAsync(Key, id, 2, Queued(id), default);
        }

        var first = await _store.ReleaseAsync(Key, "a", default);
        var again = await _store.ReleaseAsync(Key, "a", default);
        var second = await _store.ReleaseAsync(Key, "b", default);

        Assert.Equal(["c"], first.Select(q => q.ExecutionId));
        Assert.Empty(again);
        Assert.Equal(["d"], second.Select(q => q.ExecutionId));
        Assert.Equal(["c", "d"], (await _store.GetAsync(Key, default)).Running);
    }

    [Fact]
    public async Task Acquire_SameIdTwice_IsADuplicate()
    {
        await _store.AcquireAsync(Key, "a", 1, Queued("a"), default);
        await _store.AcquireAsync(Key, "b", 1, Queued("b"), default);

        Assert.Equal(SlotOutcome.Duplicate, await _store.AcquireAsync(Key, "a", 1, Queued("a"), default));
        Assert.Equal(SlotOutcome.Duplicate, await _store.AcquireAsync(Key, "b", 1, Queued("b"), default));
        Assert.Equal(SlotOutcome.Full, await _store.AcquireAsync(Key, "c", 1, null, default));
    }

    private static QueuedExecution Queued(string id) =>
        new(id, new ExecutionRequest { ExecutionId = id, FlowSource = "" }, DateTimeOffset.UnixEpoch);
}

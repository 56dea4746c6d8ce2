using Azure.Data.Tables;
using Serverless.Engine.Executions;
using Serverless.Engine.Flows;
using Serverless.Engine.Scheduling;
using Serverless.Engine.Azure.Scheduling;
using Serverless.Engine.Azure.Tests.Azurite;

namespace Serverless.Engine.Azure.Tests.Scheduling;

/// <summary>The compare-and-swap contract every trigger state store keeps.</summary>
public abstract class TriggerStateStoreContract
{
    private static readonly TriggerKey Key = new("company.team", "flow/1", "schedule");

    protected abstract ITriggerStateStore Store { get; }

    [Fact]
    public async Task TrySave_NewThenUpdateWithVersion_RoundTripsEveryField()
    {
        var created = await Store.TrySaveAsync(new TriggerState { Key = Key, Next = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), Signature = "* * * * *|False|UTC" }, default);
        var updated = await Store.TrySaveAsync(created! with
        {
            Disabled = true,
            StopAfter = [State.FAILED, State.KILLED],
            Backfill = new BackfillState
            {
                Start = new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero),
                End = new DateTimeOffset(2025, 12, 2, 0, 0, 0, TimeSpan.Zero),
                Next = new DateTimeOffset(2025, 12, 1, 1, 0, 0, TimeSpan.Zero),
                Inputs = new Dictionary<string, object?> { ["n"] = 3L, ["s"] = "x" },
                Labels = [new Label("a", "b")],
                Paused = true,
            },
        }, default);

        var read = await Store.GetAsync(Key, default);

        Assert.NotNull(updated);
        Assert.Equal(updated!.Version, read!.Version);
        Assert.Equal((true, "* * * * *|False|UTC"), (read.Disabled, read.Signature));
        Assert.Equal([State.FAILED, State.KILLED], read.StopAfter);
        Assert.Equal(3L, read.Backfill!.Inputs!["n"]);
        Assert.Equal(("a", true), (read.Backfill.Labels[0].Key, read.Backfill.Paused));
        Assert.Single(await Store.ListAsync(default), p => p.Key == Key);
    }

    [Fact]
    public async Task TrySave_StaleVersionOrSecondCreate_LosesTheRace()
    {
        var created = await Store.TrySaveAsync(new TriggerState { Key = Key with { TriggerId = "race" }, Next = DateTimeOffset.MaxValue }, default);
        var winner = await Store.TrySaveAsync(created! with { Disabled = true }, default);

        var stale = await Store.TrySaveAsync(created with { Disabled = false }, default);
        var secondCreate = await Store.TrySaveAsync(new TriggerState { Key = Key with { TriggerId = "race" } }, default);

        Assert.NotNull(winner);
        Assert.Null(stale);
        Assert.Null(secondCreate);
        Assert.Equal(DateTimeOffset.MaxValue, (await Store.GetAsync(Key with { TriggerId = "race" }, default))!.Next);
    }
}

public sealed class InMemoryTriggerStateStoreTests : TriggerStateStoreContract
{
    protected override ITriggerStateStore Store { get; } = new InMemoryTriggerStateStore();
}

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class TableTriggerStateStoreTests(AzuriteFixture azurite) : TriggerStateStoreContract
{
    protected override ITriggerStateStore Store { get; } = new TableTriggerStateStore(
        new TableServiceClient(azurite.ConnectionString).GetTableClient("triggers" + AzuriteFixture.NewContainerPrefix().Replace("-", "", StringComparison.Ordinal)));
}

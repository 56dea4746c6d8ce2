using Serverless.Engine.Executions;
using Serverless.Engine.Flows;
using Serverless.Engine.Records;
using Serverless.Engine.Azure.Records;
using Serverless.Engine.Azure.Tests.Azurite;

namespace Serverless.Engine.Azure.Tests.Records;

/// <summary>The behaviour every <see cref="IExecutionStore"/> shares, run against each implementation.</summary>
public abstract class ExecutionStoreContract
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    protected abstract IExecutionStore Store { get; }

    protected static Execution Make(string id, string ns, string flowId, State state, int minutes, params Label[] labels)
    {
        var info = StateInfo.Of(State.CREATED, T0.AddMinutes(minutes));
        if (state != State.CREATED)
        {
            info = info.To(State.RUNNING, T0.AddMinutes(minutes)).To(state, T0.AddMinutes(minutes + 1));
        }

        return new Execution { Id = id, Namespace = ns, FlowId = flowId, FlowRevision = 1, State = info, Labels = labels };
    }

    [Fact]
    public async Task SaveAndGet_RoundTripsTheExecution()
    {
        var execution = Make("e1", "acme", "f", State.SUCCESS, 0, new Label("k", "v")) with
        {
            Inputs = new Dictionary<string, object?> { ["n"] = 3L },
            Outputs = new Dictionary<string, object?> { ["out"] = "x" },
        };

        await Store.SaveAsync(execution);
        var read = await Store.GetAsync("e1");

        Assert.NotNull(read);
        Assert.Equal(State.SUCCESS, read.State.Current);
        Assert.Equal(3L, read.Inputs!["n"]);
        Assert.Equal("x", read.Outputs!["out"]);
        Assert.Equal([new Label("k", "v")], read.Labels);
        Assert.Null(await Store.GetAsync("missing"));
    }

    [Fact]
    public async Task Save_RunningAfterTerminal_KeepsTerminalRecord()
    {
        var start = Make("e2", "acme", "f", State.CREATED, 0) with { Inputs = new Dictionary<string, object?> { ["a"] = "b" } };
        var end = Make("e2", "acme", "f", State.FAILED, 0);

        await Store.SaveAsync(end);
        await Store.SaveAsync(start);
        var read = await Store.GetAsync("e2");

        Assert.Equal(State.FAILED, read!.State.Current);
    }

    [Fact]
    public async Task Save_EndAfterStart_KeepsStartFactsTheEndLacks()
    {
        await Store.SaveAsync(Make("e3", "acme", "f", State.CREATED, 0, new Label("from", "start")) with { Inputs = new Dictionary<string, object?> { ["a"] = "b" } });
        await Store.SaveAsync(Make("e3", "acme", "f", State.SUCCESS, 0));

        var read = await Store.GetAsync("e3");

        Assert.Equal(State.SUCCESS, read!.State.Current);
        Assert.Equal("b", read.Inputs!["a"]);
        Assert.Equal("start", read.Labels.Single().Value);
    }

    [Fact]
    public async Task Delete_RemovesRecordFromGetAndSearch()
    {
        await Store.SaveAsync(Make("e4", "gone", "f", State.CREATED, 0));

        Assert.True(await Store.DeleteAsync("e4"));
        Assert.False(await Store.DeleteAsync("e4"));
        Assert.Null(await Store.GetAsync("e4"));
        Assert.Equal(0, (await Store.SearchAsync(new ExecutionQuery { Namespace = "gone" })).Total);
    }

    [Fact]
    public async Task Search_FiltersByNamespaceFlowStateDatesAndLabels()
    {
        await Store.SaveAsync(Make("s1", "co", "a", State.SUCCESS, 0));
        await Store.SaveAsync(Make("s2", "co.team", "b", State.FAILED, 10, new Label("env", "prod")));
        await Store.SaveAsync(Make("s3", "co.team", "a", State.SUCCESS, 20, new Label("env", "dev")));
        await Store.SaveAsync(Make("s4", "company", "a", State.SUCCESS, 30));
        await Store.SaveAsync(Make("s5", "co", "a", State.CREATED, 40));

        async Task<string[]> Ids(ExecutionQuery query) => [.. (await Store.SearchAsync(query)).Results.Select(e => e.Id)];

        Assert.Equal(["s5", "s3", "s2", "s1"], await Ids(new ExecutionQuery { Namespace = "co" }));
        Assert.Equal(["s3", "s2"], await Ids(new ExecutionQuery { Namespace = "co.team" }));
        Assert.Equal(["s5", "s3", "s1"], await Ids(new ExecutionQuery { Namespace = "co", FlowId = "a" }));
        Assert.Equal(["s2"], await Ids(new ExecutionQuery { Namespace = "co", States = [State.FAILED] }));
        Assert.Equal(["s5", "s3"], await Ids(new ExecutionQuery { Namespace = "co", StartDate = T0.AddMinutes(15) }));
        Assert.Equal(["s2", "s1"], await Ids(new ExecutionQuery { Namespace = "co", EndDate = T0.AddMinutes(12) }));
        Assert.Equal(["s2"], await Ids(new ExecutionQuery { Namespace = "co", Labels = [new Label("env", "prod")] }));
    }

    [Fact]
    public async Task Search_SortsAndPagesWithTotal()
    {
        for (var i = 0; i < 5; i++)
        {
            await Store.SaveAsync(Make("p" + i, "paging", "f" + (4 - i), State.SUCCESS, i));
        }

        var page = await Store.SearchAsync(new ExecutionQuery { Namespace = "paging", Page = 2, Size = 2, Sort = ExecutionSort.Parse("flowId:asc")! });

        Assert.Equal(5, page.Total);
        Assert.Equal(["p2", "p1"], page.Results.Select(e => e.Id));
        Assert.All(page.Results, e => Assert.Empty(e.TaskRunList));
    }
}

public sealed class InMemoryExecutionStoreTests : ExecutionStoreContract
{
    protected override IExecutionStore Store { get; } = new InMemoryExecutionStore();
}

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class TableExecutionStoreTests(AzuriteFixture azurite) : ExecutionStoreContract
{
    protected override IExecutionStore Store { get; } = new TableExecutionStore(
        new global::Azure.Data.Tables.TableServiceClient(azurite.ConnectionString).GetTableClient("executions" + Guid.NewGuid().ToString("N")[..12]));
}

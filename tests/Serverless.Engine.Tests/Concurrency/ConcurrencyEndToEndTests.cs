using Microsoft.Extensions.DependencyInjection;
using Serverless.Durable.Embedded;
using Serverless.Engine.Activities;
using Serverless.Engine.Concurrency;
using Serverless.Engine.Executions;
using Serverless.Engine.Parsing;
using Serverless.Engine.Triggers;

namespace Serverless.Engine.Tests.Concurrency;

/// <summary>Concurrency limits on the real embedded engine: admission before scheduling, release when an execution ends.</summary>
public sealed class ConcurrencyEndToEndTests : IAsyncLifetime
{
    private readonly EndedProbe _probe = new();
    private EmbeddedEngine _engine = null!;
    private DurableTriggerStarter _starter = null!;

    public async Task InitializeAsync()
    {
        _engine = await EmbeddedEngine.StartAsync(configure: services =>
        {
            services.AddSingleton<IExecutionListener>(_probe);
            services.AddFlowConcurrency();
        });
        _starter = new DurableTriggerStarter(
            new FixedDurableClientSource(_engine.Executions.Durable),
            _engine.Services.GetRequiredService<IExecutionAdmission>());
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task Start_TwentyAtOnceWithQueueLimitTwo_NeverMoreThanTwoRunAndAllRun()
    {
        var flow = Flow(2, "QUEUE");

        var started = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => StartAsync(flow, "q" + i))));
        await _probe.WaitForAsync(20);

        Assert.All(started, Assert.True);
        var ended = _probe.Ended.Where(e => e.FlowId == flow.Id).ToList();
        Assert.Equal(20, ended.Count);
        Assert.All(ended, e => Assert.Equal(State.SUCCESS, e.State.Current));
        Assert.True(MaxOverlap(ended) <= 2, $"{MaxOverlap(ended)} executions ran at once");
        Assert.Empty((await _engine.Services.GetRequiredService<IConcurrencySlotStore>().GetAsync(new("company.team", flow.Id), default)).Running);
    }

    [Theory]
    [InlineData("CANCEL", State.CANCELLED)]
    [InlineData("FAIL", State.FAILED)]
    public async Task Start_OverTheLimit_EndsWithoutRunning(string behavior, State expected)
    {
        var flow = Flow(1, behavior) with { Id = "limited_" + behavior.ToLowerInvariant() };

        await StartAsync(flow, "first-" + behavior);
        await StartAsync(flow, "second-" + behavior);
        await _probe.WaitForAsync(2);

        var second = _probe.Ended.Single(e => e.Id == "second-" + behavior);
        Assert.Equal(expected, second.State.Current);
        Assert.Empty(second.TaskRunList);
        Assert.Null(await _engine.Executions.GetAsync(second.Id));
        Assert.Equal(State.SUCCESS, (await _engine.Executions.WaitAsync("first-" + behavior)).State.Current);
    }

    private Task<bool> StartAsync(Serverless.Engine.Flows.Flow flow, string id) =>
        _starter.StartAsync(flow, new Dictionary<string, object?>(), new StartOptions { ExecutionId = id }, CancellationToken.None);

    private static int MaxOverlap(IEnumerable<Execution> executions)
    {
        var events = executions.SelectMany(e => new[] { (e.State.StartDate!.Value, 1), (e.State.EndDate!.Value, -1) })
            .OrderBy(p => p.Item1).ThenBy(p => p.Item2);
        int current = 0, max = 0;
        foreach (var (_, delta) in events)
        {
            current += delta;
            max = Math.Max(max, current);
        }

        return max;
    }

    private static Serverless.Engine.Flows.Flow Flow(int limit, string behavior) => FlowParser.Default.ParseValid($"""
        id: limited
        namespace: company.team
        concurrency:
          limit: {limit}
          behavior: {behavior}
        tasks:
          - id: wait
            type: io.kestra.plugin.core.flow.Sleep
            duration: PT0.2S
        """);
}

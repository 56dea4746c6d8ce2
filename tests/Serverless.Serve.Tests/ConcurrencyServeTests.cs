using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Engine.Concurrency;

using Serverless.Tests;

namespace Serverless.Serve.Tests;

/// <summary>Flow <c>concurrency</c> limits over real HTTP: admission on start, release on end and on kill.</summary>
public sealed class ConcurrencyServeTests(TriggersServeFixture serve) : IClassFixture<TriggersServeFixture>
{
    private readonly ApiClient _api = serve.Client;

    private static string Gated(string ns, string behavior) => $"""
        id: gated
        namespace: {ns}
        concurrency:
          limit: 1
          behavior: {behavior}
        tasks:
          - id: gate
            type: io.kestra.plugin.core.flow.Pause
        """;

    [Fact]
    public async Task Start_ThreeWithQueueLimitOne_RunOneAtATimeInOrder()
    {
        var ns = ServeFixture.NewNamespace();
        await _api.CreateFlowAsync(Gated(ns, "QUEUE"));
        var ids = new List<string>();
        var answers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var started = (await _api.PostJsonAsync($"api/v1/executions/{ns}/gated", "{}")).Json;
            ids.Add(started.Id());
            answers.Add(started.StateOf());
        }

        var order = new List<string>();
        for (var turn = 0; turn < 3; turn++)
        {
            // The head of the line pauses; everyone behind it is still QUEUED in the search, nobody else runs.
            await Eventually.UntilAsync(() => _api.StateOfAsync(ids[turn]), s => s == "PAUSED", $"execution {turn} to run");
            var listed = await _api.SearchAsync(ns, "gated");
            var live = await Task.WhenAll(ids.Select(_api.StateOfAsync));
            Assert.Equal(1, live.Count(s => s is "CREATED" or "RUNNING" or "PAUSED"));
            Assert.Equal(2 - turn, listed.Count(e => e.StateOf() == "QUEUED"));

            Assert.Equal(HttpStatusCode.NoContent, (await _api.PostJsonAsync($"api/v1/executions/{ids[turn]}/resume", "{}")).Status);
            await Eventually.UntilAsync(() => _api.StateOfAsync(ids[turn]), s => s == "SUCCESS", $"execution {turn} to end");
            order.Add(ids[turn]);
        }

        var ended = await _api.SearchAsync(ns, "gated");
        Assert.Equal(["CREATED", "QUEUED", "QUEUED"], answers);
        Assert.All(ended, e => Assert.Equal("SUCCESS", e.StateOf()));
        Assert.Equal(ids, ended.OrderBy(e => e.GetProperty("state").GetProperty("endDate").GetDateTimeOffset()).Select(e => e.Id()));
        Assert.Empty((await Slots(ns)).Running);
    }

    [Theory]
    [InlineData("CANCEL", "CANCELLED")]
    [InlineData("FAIL", "FAILED")]
    public async Task Start_OverTheLimit_RecordsTheBehaviorsEndState(string behavior, string expected)
    {
        var ns = ServeFixture.NewNamespace();
        await _api.CreateFlowAsync(Gated(ns, behavior));
        var first = (await _api.PostJsonAsync($"api/v1/executions/{ns}/gated", "{}")).Json;

        var second = await _api.PostJsonAsync($"api/v1/executions/{ns}/gated", "{}");
        var record = (await _api.GetAsync($"api/v1/executions/{second.Json.Id()}")).Json;
        var search = await _api.GetAsync($"api/v1/executions/search?namespace={ns}&state={expected}");

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(expected, second.Json.StateOf());
        Assert.Equal(expected, record.StateOf());
        Assert.Empty(record.GetProperty("taskRunList").EnumerateArray());
        Assert.Equal(second.Json.Id(), search.Json.GetProperty("results").EnumerateArray().Single().Id());
        Assert.Equal([first.Id()], (await Slots(ns)).Running);
    }

    [Fact]
    public async Task Kill_RunningExecution_FreesItsSlotForTheQueuedOne()
    {
        var ns = ServeFixture.NewNamespace();
        await _api.CreateFlowAsync(Gated(ns, "QUEUE"));
        var first = (await _api.PostJsonAsync($"api/v1/executions/{ns}/gated", "{}")).Json.Id();
        var second = (await _api.PostJsonAsync($"api/v1/executions/{ns}/gated", "{}")).Json.Id();
        await Eventually.UntilAsync(() => _api.StateOfAsync(first), s => s == "PAUSED", "the first execution to pause");

        var kill = await _api.DeleteAsync($"api/v1/executions/{first}/kill");
        var promoted = await Eventually.UntilAsync(() => _api.StateOfAsync(second), s => s == "PAUSED", "the queued execution to take the freed slot");

        Assert.Equal(HttpStatusCode.Accepted, kill.Status);
        Assert.Equal("KILLED", await _api.StateOfAsync(first));
        Assert.Equal("PAUSED", promoted);
        Assert.Equal([second], (await Slots(ns)).Running);
    }

    [Fact]
    public async Task Kill_QueuedExecution_LeavesTheQueueAndNeverRuns()
    {
        var ns = ServeFixture.NewNamespace();
        await _api.CreateFlowAsync(Gated(ns, "QUEUE"));
        var first = (await _api.PostJsonAsync($"api/v1/executions/{ns}/gated", "{}")).Json.Id();
        var queued = (await _api.PostJsonAsync($"api/v1/executions/{ns}/gated", "{}")).Json.Id();

        var kill = await _api.DeleteAsync($"api/v1/executions/{queued}/kill");
        var slotsAfterKill = await Slots(ns);
        await Eventually.UntilAsync(() => _api.StateOfAsync(first), s => s == "PAUSED", "the first execution to pause");
        await _api.PostJsonAsync($"api/v1/executions/{first}/resume", "{}");
        await Eventually.UntilAsync(() => _api.StateOfAsync(first), s => s == "SUCCESS", "the first execution to end");

        Assert.Equal(HttpStatusCode.Accepted, kill.Status);
        Assert.Empty(slotsAfterKill.Queued);
        Assert.Equal("KILLED", await _api.StateOfAsync(queued));
        Assert.Null(await serve.Host.Engine.Executions.GetAsync(queued));
        Assert.Empty((await Slots(ns)).Running);
    }

    private Task<ConcurrencySnapshot> Slots(string ns) =>
        serve.Host.Services.GetRequiredService<IConcurrencySlotStore>().GetAsync(new ConcurrencyKey(ns, "gated"), CancellationToken.None);
}

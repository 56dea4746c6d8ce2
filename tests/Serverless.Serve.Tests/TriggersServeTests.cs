using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Engine.Concurrency;
using Serverless.Engine.Scheduling;
using Serverless.Engine.Triggers;

using Serverless.Tests;

namespace Serverless.Serve.Tests;

/// <summary>Flow triggers and Schedule backfills over real HTTP on <c>flows serve</c>.</summary>
public sealed class TriggersServeTests(TriggersServeFixture serve) : IClassFixture<TriggersServeFixture>
{
    private readonly ApiClient _api = serve.Client;

    [Fact]
    public async Task FlowTrigger_SourceSucceeds_StartsListenerOnceWithSourceId()
    {
        var ns = ServeFixture.NewNamespace();
        await _api.CreateFlowAsync($"""
            id: source
            namespace: {ns}
            tasks:
              - id: hello
                type: io.kestra.plugin.core.debug.Return
                format: hi
            """);
        await _api.CreateFlowAsync($$$"""
            id: listener
            namespace: {{{ns}}}
            triggers:
              - id: after_source
                type: io.kestra.plugin.core.trigger.Flow
                conditions:
                  - type: io.kestra.plugin.core.condition.ExecutionFlowCondition
                    namespace: {{{ns}}}
                    flowId: source
                  - type: io.kestra.plugin.core.condition.ExecutionStatusCondition
                    in: [SUCCESS]
            tasks:
              - id: echo
                type: io.kestra.plugin.core.debug.Return
                format: "{{ trigger.executionId }}"
            """);

        var source = await _api.RunAsync(ns, "source");
        var started = await Eventually.UntilAsync(() => _api.SearchAsync(ns, "listener"), e => e.Count > 0 && e[0].StateOf() == "SUCCESS", "the listener to run");
        var listener = (await _api.GetAsync($"api/v1/executions/{started[0].Id()}")).Json;

        Assert.Single(started);
        Assert.Equal(source.Id(), listener.GetProperty("trigger").GetProperty("executionId").GetString());
        Assert.Equal(source.Id(), listener.GetProperty("taskRunList")[0].GetProperty("outputs").GetProperty("value").GetString());
    }

    [Fact]
    public async Task Backfill_DailyScheduleOverThreeDays_StartsThreeAndARepeatStartsNone()
    {
        var ns = ServeFixture.NewNamespace();
        await _api.CreateFlowAsync($"""
            id: nightly
            namespace: {ns}
            triggers:
              - id: daily
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "0 2 * * *"
            tasks:
              - id: hello
                type: io.kestra.plugin.core.debug.Return
                format: "{"{{"} trigger.date {"}}"}"
            """);
        const string Window = """{"start": "2025-03-01T00:00:00Z", "end": "2025-03-03T12:00:00Z", "labels": [{"key": "origin", "value": "test"}]}""";

        var first = await _api.SendAsync(HttpMethod.Put, $"api/v1/triggers/{ns}/nightly/daily/backfill", Json(Window));
        await TickAsync();
        var afterFirst = await Backfilled(ns);
        var repeat = await _api.SendAsync(HttpMethod.Put, $"api/v1/triggers/{ns}/nightly/daily/backfill", Json(Window));
        var repeatTick = await TickAsync();
        var afterRepeat = await Backfilled(ns);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("2025-03-01T02:00:00+00:00", first.Json.GetProperty("backfill").GetProperty("next").GetString());
        Assert.Equal(3, afterFirst.Count);
        Assert.Equal(
            ["2025-03-01T02:00:00Z", "2025-03-02T02:00:00Z", "2025-03-03T02:00:00Z"],
            afterFirst.Select(e => e.GetProperty("trigger").GetProperty("date").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.OK, repeat.Status);
        Assert.Equal(0, repeatTick.Started);
        Assert.Equal(afterFirst.Select(e => e.Id()).Order(StringComparer.Ordinal), afterRepeat.Select(e => e.Id()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("nightly", "nope", """{"start": "2025-03-01T00:00:00Z"}""", HttpStatusCode.NotFound)]
    [InlineData("missing", "daily", """{"start": "2025-03-01T00:00:00Z"}""", HttpStatusCode.NotFound)]
    [InlineData("nightly", "daily", """{"start": "2025-03-05T00:00:00Z", "end": "2025-03-01T00:00:00Z"}""", HttpStatusCode.BadRequest)]
    [InlineData("nightly", "daily", """{"end": "2025-03-01T00:00:00Z"}""", HttpStatusCode.BadRequest)]
    [InlineData("nightly", "daily", """{"start": "yesterday"}""", HttpStatusCode.BadRequest)]
    public async Task Backfill_BadTriggerOrWindow_IsRefused(string flowId, string triggerId, string body, HttpStatusCode expected)
    {
        var ns = ServeFixture.NewNamespace();
        await _api.CreateFlowAsync($"""
            id: nightly
            namespace: {ns}
            triggers:
              - id: daily
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "0 2 * * *"
            tasks:
              - id: hello
                type: io.kestra.plugin.core.debug.Return
                format: hi
            """);

        var answer = await _api.SendAsync(HttpMethod.Put, $"api/v1/triggers/{ns}/{flowId}/{triggerId}/backfill", Json(body));

        Assert.True(answer.Status == expected, answer.ToString());
        Assert.Empty(await _api.SearchAsync(ns, flowId));
    }

    /// <summary>One scheduler tick now, as the minute timer would run it.</summary>
    private async Task<SchedulerTickResult> TickAsync()
    {
        var services = serve.Host.Services;
        var flows = await services.GetRequiredService<IFlowSource>().GetFlowsAsync(CancellationToken.None);
        return await services.GetRequiredService<Scheduler>().TickAsync(flows, CancellationToken.None);
    }

    private async Task<List<System.Text.Json.JsonElement>> Backfilled(string ns)
    {
        var answer = await _api.GetAsync($"api/v1/executions/search?namespace={ns}&labels=backfill:true&labels=origin:test&size=100");
        return [.. answer.Json.GetProperty("results").EnumerateArray()];
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}

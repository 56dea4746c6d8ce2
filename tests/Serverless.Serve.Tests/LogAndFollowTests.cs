using System.Net;
using System.Text.Json;

namespace Serverless.Serve.Tests;

public sealed class LogAndFollowTests(ServeFixture serve) : IClassFixture<ServeFixture>
{
    private readonly ApiClient _api = serve.Client;

    private static string Logger(string ns) => $"""
        id: logger
        namespace: {ns}
        tasks:
          - id: first
            type: io.kestra.plugin.core.log.Log
            message: one
          - id: second
            type: io.kestra.plugin.core.log.Log
            level: WARN
            message: two
        """;

    [Fact]
    public async Task Logs_FinishedExecution_ReturnsLinesInOrderAndFilters()
    {
        var ns = ServeFixture.NewNamespace();
        await _api.CreateFlowAsync(Logger(ns));
        var id = (await _api.RunAsync(ns, "logger")).GetProperty("id").GetString();

        var all = await _api.GetAsync($"api/v1/logs/{id}");
        var warn = await _api.GetAsync($"api/v1/logs/{id}?minLevel=WARN");
        var bad = await _api.GetAsync($"api/v1/logs/{id}?minLevel=LOUD");

        Assert.Equal(["one", "two"], all.Json.EnumerateArray().Select(l => l.GetProperty("message").GetString()));
        Assert.Equal("first", all.Json[0].GetProperty("taskId").GetString());
        Assert.Equal(["two"], warn.Json.EnumerateArray().Select(l => l.GetProperty("message").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
    }

    [Fact]
    public async Task FollowExecution_StreamsSnapshotsUntilTerminal()
    {
        var ns = ServeFixture.NewNamespace();
        await _api.CreateFlowAsync(Logger(ns).Replace("message: two", "message: two\n  - id: nap\n    type: io.kestra.plugin.core.flow.Sleep\n    duration: PT0.3S", StringComparison.Ordinal));
        var id = (await _api.PostJsonAsync($"api/v1/executions/{ns}/logger", "{}")).Json.GetProperty("id").GetString();

        var events = await ReadEventsAsync($"api/v1/executions/{id}/follow");

        Assert.All(events, e => Assert.Equal("execution", e.Name));
        Assert.Equal("SUCCESS", ExecutionRoutesTests.State(events[^1].Data).GetString());
        Assert.True(events.Count >= 2, $"expected a running snapshot before the final one, got {events.Count}");
    }

    [Fact]
    public async Task FollowLogs_StreamsEveryLineThenEnds()
    {
        var ns = ServeFixture.NewNamespace();
        await _api.CreateFlowAsync(Logger(ns));
        var id = (await _api.PostJsonAsync($"api/v1/executions/{ns}/logger", "{}")).Json.GetProperty("id").GetString();

        var events = await ReadEventsAsync($"api/v1/logs/{id}/follow");

        Assert.Equal(["one", "two"], events.Select(e => e.Data.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Follow_UnknownExecution_Returns404()
    {
        var answer = await _api.GetAsync("api/v1/executions/nope123/follow");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    /// <summary>Reads a server-sent event stream to its end (the server closes it at the terminal state).</summary>
    private async Task<List<(string Name, JsonElement Data)>> ReadEventsAsync(string path)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await _api.Http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var events = new List<(string, JsonElement)>();
        var name = "";
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add((name, JsonDocument.Parse(line[6..]).RootElement.Clone()));
            }
        }

        return events;
    }
}

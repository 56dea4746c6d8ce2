using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Serverless.Serve.Tests;
using Serverless.Reliability.Tests.Crash;
using Serverless.Reliability.Tests.Support;

using Serverless.Tests;

namespace Serverless.Reliability.Tests.Storage;

/// <summary>The steps and checks both outage tests share.</summary>
public sealed partial class StorageOutageTests
{
    private const string WrittenFlowId = "written-during-outage";

    /// <summary>No API call may take longer, outage or not: a storage client stuck in retries would show here.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    private static ApiClient Client(ServeProcess serve)
    {
        var client = new ApiClient(serve.Address, Key);
        client.Http.Timeout = RequestTimeout;
        return client;
    }

    private static string Inputs(string markers) => JsonSerializer.Serialize(new { dir = markers });

    private static async Task<string> StartAsync(ApiClient client, string markers)
    {
        await client.CreateFlowAsync(OutageFlow.Yaml);
        var started = await client.PostJsonAsync($"api/v1/executions/{OutageFlow.Namespace}/{OutageFlow.Id}", Inputs(markers));
        Assert.True(started.Status == HttpStatusCode.OK, started.ToString());
        return started.Json.GetProperty("id").GetString()!;
    }

    /// <summary>Polls until at least <paramref name="count"/> task runs exist; the execution must still be running.</summary>
    private static async Task WaitForTaskRunsAsync(ApiClient client, string id, int count)
    {
        var answer = await Eventually.UntilAsync(
            () => client.GetAsync($"api/v1/executions/{id}"),
            answer => answer.Status != HttpStatusCode.OK || ExecutionPolling.IsTerminal(answer.Json) || answer.Json.GetProperty("taskRunList").GetArrayLength() >= count,
            $"{id} to reach {count} task runs",
            seconds: 60);
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.False(ExecutionPolling.IsTerminal(answer.Json), $"{id} ended before {count} task runs: {answer}");
    }

    /// <summary>Makes one call while storage is down: a JSON 503 saying storage is unavailable, within the request timeout.</summary>
    private static async Task<TimeSpan> ExpectUnavailableAsync(Func<Task<Answer>> call)
    {
        var watch = Stopwatch.StartNew();
        var answer = await call();
        Assert.True(answer.Status == HttpStatusCode.ServiceUnavailable, answer.ToString());
        Assert.Equal("application/json", answer.MediaType);
        Assert.StartsWith("Storage is unavailable: ", answer.Message, StringComparison.Ordinal);
        Assert.EndsWith("Retry later.", answer.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", answer.Body, StringComparison.OrdinalIgnoreCase);
        return watch.Elapsed;
    }

    /// <summary>Keeps reading the execution (each read a 503) until storage has been down for <see cref="MinimumOutage"/>; returns the reads made.</summary>
    private static Task<int> KeepOutageAsync(ApiClient client, string id, Stopwatch outage) =>
        KeepOutageAsync(client, id, outage, outage);

    /// <summary>As above, and until <paramref name="since"/> also shows <see cref="MinimumOutage"/> (a failed attempt to record the end, in the memory test).</summary>
    private static async Task<int> KeepOutageAsync(ApiClient client, string id, Stopwatch since, Stopwatch outage)
    {
        var calls = 0;
        while (outage.Elapsed < MinimumOutage || since.Elapsed < MinimumOutage)
        {
            await ExpectUnavailableAsync(() => client.GetAsync($"api/v1/executions/{id}"));
            calls++;
        }

        return calls;
    }

    /// <summary>Polls the marker file until <paramref name="taskId"/> ran; returns a watch started then.</summary>
    private static async Task<Stopwatch> WaitForShellAsync(string markers, string id, string taskId)
    {
        await Eventually.UntilAsync(
            () => Task.FromResult(Markers(markers, id)[taskId]),
            runs => runs > 0,
            $"{taskId} of {id} to run while storage was down",
            seconds: 60);
        return Stopwatch.StartNew();
    }

    /// <summary>How often each Shell task really ran (lines in the marker file).</summary>
    private static Dictionary<string, int> Markers(string markers, string id)
    {
        var path = Path.Join(markers, id + ".log");
        var lines = File.Exists(path) ? File.ReadAllLines(path) : [];
        return OutageFlow.ShellTasks.ToDictionary(t => t, t => lines.Count(l => l.StartsWith(t + " ", StringComparison.Ordinal)));
    }

    /// <summary>SUCCESS, and exactly the flow's task ids, once each, each SUCCESS.</summary>
    private static void AssertComplete(JsonElement execution)
    {
        Assert.Equal("SUCCESS", execution.GetProperty("state").GetProperty("current").GetString());
        var runs = execution.GetProperty("taskRunList").EnumerateArray().ToList();
        Assert.Equal(OutageFlow.TaskIds, runs.Select(r => r.GetProperty("taskId").GetString()).Order(StringComparer.Ordinal));
        Assert.All(runs, r => Assert.Equal("SUCCESS", r.GetProperty("state").GetProperty("current").GetString()));
    }

    /// <summary>Every Shell task ran; at most one (the one in flight) ran twice. Returns the duplicates.</summary>
    private static int AssertEveryShellRan(string markers, string id)
    {
        var counts = Markers(markers, id);
        Assert.All(counts, c => Assert.InRange(c.Value, 1, 2));
        var duplicates = counts.Values.Sum(c => c - 1);
        Assert.True(duplicates <= 1, string.Join(", ", counts.Select(c => $"{c.Key}={c.Value}")));
        return duplicates;
    }

    /// <summary>The flow posted while storage was down exists completely (one revision, the posted source) or not at all.</summary>
    private static async Task AssertAllOrNothingAsync(ApiClient client)
    {
        var flow = await client.GetAsync($"api/v1/flows/{OutageFlow.Namespace}/{WrittenFlowId}?source=true");
        var revisions = await client.GetAsync($"api/v1/flows/{OutageFlow.Namespace}/{WrittenFlowId}/revisions");
        if (flow.Status == HttpStatusCode.NotFound)
        {
            Assert.True(revisions.Status == HttpStatusCode.NotFound || revisions.Json.GetArrayLength() == 0, revisions.ToString());
            return;
        }

        Assert.True(flow.Status == HttpStatusCode.OK, flow.ToString());
        Assert.Equal(OutageFlow.Build(WrittenFlowId), flow.Body);
        Assert.Equal(1, revisions.Json.GetArrayLength());
    }

    /// <summary>
    /// The server said, on one line without a stack trace, that storage was unavailable (at most once per
    /// 30 s), and then that it was back. The console logger writes in the background: polled, bounded.
    /// </summary>
    private static async Task AssertOutageLoggedAsync(ServeProcess serve)
    {
        var output = await Eventually.UntilAsync(
            () => Task.FromResult(serve.Output),
            text => text.Contains("Storage is available again", StringComparison.Ordinal),
            "the server to log that storage is available again",
            seconds: 10);
        var lines = output.Split('\n');
        var outage = lines.Where(l => l.Contains("Storage is unavailable (", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(outage);
        Assert.True(outage.Count <= 3, "the outage was logged more than once per 30 s:\n" + string.Join('\n', outage));
        Assert.All(outage, l => Assert.DoesNotContain(" at ", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Storage is available again", StringComparison.Ordinal));
    }

    /// <summary>The end of the server's output, for the test log.</summary>
    private static string Tail(string text) => text.Length <= 20_000 ? text : "…" + text[^20_000..];

    private void Report(string summary)
    {
        File.AppendAllText(Path.Join(FuzzSettings.OutputDirectory, "summary.txt"), string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.UtcNow:O} {summary}\n"));
        output.WriteLine(summary);
    }
}

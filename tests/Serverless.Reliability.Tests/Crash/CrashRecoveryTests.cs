using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Serverless.Serve.Tests;
using Serverless.Engine.Azure.Tests.Azurite;
using Serverless.Reliability.Tests.Support;
using Xunit.Abstractions;

using Serverless.Tests;

namespace Serverless.Reliability.Tests.Crash;

/// <summary>
/// Crash recovery on the durable backend: a separate <c>flows serve --backend azurestorage</c> process runs a
/// 20-task flow, is killed with SIGKILL after a random number of task runs, and is started again. Every
/// execution must end SUCCESS with all 20 task runs; only the task in flight at the kill may have run twice.
/// <c>CRASH_RUNS</c> sets the number of kill/restart runs (2 by default, 10 for the documented figures).
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class CrashRecoveryTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Key = "crash-key-0123456789";

    [Fact]
    public async Task KillNineAtRandomPoints_EveryExecutionFinishesWithEachTaskRunOnceOrTwice()
    {
        var markers = Directory.CreateTempSubdirectory("flows-crash-").FullName;
        var random = new Random(FuzzSettings.Seed);
        var results = new List<CrashRun>();
        try
        {
            for (var run = 0; run < FuzzSettings.CrashRuns; run++)
            {
                results.Add(await RunOnceAsync(run, random.Next(1, CrashFlow.TaskCount - 1), markers));
                output.WriteLine(results[^1].ToString());
            }
        }
        finally
        {
            Directory.Delete(markers, recursive: true);
        }

        var lost = results.Count(r => !r.Complete);
        var duplicates = results.Sum(r => r.Duplicates);
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"crash: {results.Count} runs, {results.Count} kills, {lost} executions lost, {duplicates} duplicate task executions (max {results.Max(r => r.Duplicates)} per run), recovery {results.Min(r => r.Recovery.TotalSeconds):F1}-{results.Max(r => r.Recovery.TotalSeconds):F1} s after restart");
        File.AppendAllText(Path.Join(FuzzSettings.OutputDirectory, "summary.txt"), $"{DateTimeOffset.UtcNow:O} {summary}\n");
        output.WriteLine(summary);

        Assert.All(results, r => Assert.True(r.Complete, r.ToString()));
        Assert.All(results, r => Assert.True(r.Duplicates <= 1, r.ToString()));
    }

    private async Task<CrashRun> RunOnceAsync(int run, int killAfter, string markers)
    {
        string id;
        int observed;
        var first = await ServeProcess.StartAsync(azurite.ConnectionString, ServeProcess.FreePort(), Key);
        try
        {
            using var client = new ApiClient(first.Address, Key);
            var created = await client.PostYamlAsync("api/v1/flows", CrashFlow.Yaml);
            Assert.True(created.Status is HttpStatusCode.OK or HttpStatusCode.Conflict, created.ToString());
            var started = await client.PostJsonAsync($"api/v1/executions/{CrashFlow.Namespace}/{CrashFlow.Id}", JsonSerializer.Serialize(new { dir = markers }));
            Assert.True(started.Status == HttpStatusCode.OK, started.ToString());
            id = started.Json.GetProperty("id").GetString()!;
            observed = await WaitForTaskRunsAsync(client, id, killAfter);
        }
        finally
        {
            await first.KillAsync();
            await first.DisposeAsync();
        }

        await using var second = await ServeProcess.StartAsync(azurite.ConnectionString, ServeProcess.FreePort(), Key);
        var restarted = Stopwatch.StartNew();
        using var again = new ApiClient(second.Address, Key);
        var final = await ExecutionPolling.WaitForEndAsync(again, id, TimeSpan.FromMinutes(3));
        var recovery = restarted.Elapsed;

        var taskRuns = final.GetProperty("taskRunList").EnumerateArray().ToList();
        var succeeded = taskRuns.Where(t => t.GetProperty("state").GetProperty("current").GetString() == "SUCCESS").Select(t => t.GetProperty("taskId").GetString()).Distinct().Count();
        var lines = File.Exists(Path.Join(markers, id + ".log")) ? File.ReadAllLines(Path.Join(markers, id + ".log")) : [];
        var perTask = CrashFlow.ShellTasks.ToDictionary(t => t, t => lines.Count(l => l.StartsWith(t + " ", StringComparison.Ordinal)));
        return new CrashRun(
            run,
            id,
            killAfter,
            observed,
            final.GetProperty("state").GetProperty("current").GetString()!,
            taskRuns.Count,
            succeeded,
            perTask.Values.All(c => c >= 1),
            perTask.Values.Sum(c => Math.Max(0, c - 1)),
            string.Join(",", perTask.Where(p => p.Value > 1).Select(p => p.Key)),
            recovery);
    }

    /// <summary>Polls until at least <paramref name="count"/> task runs exist (or the execution ended); returns how many it saw.</summary>
    private static async Task<int> WaitForTaskRunsAsync(ApiClient client, string id, int count)
    {
        var answer = await Eventually.UntilAsync(
            () => client.GetAsync($"api/v1/executions/{id}"),
            answer => answer.Status == HttpStatusCode.OK
                && (answer.Json.GetProperty("taskRunList").GetArrayLength() >= count || ExecutionPolling.IsTerminal(answer.Json)),
            $"{id} to reach {count} task runs",
            seconds: 120);
        return answer.Json.GetProperty("taskRunList").GetArrayLength();
    }

    private sealed record CrashRun(int Run, string ExecutionId, int KillAfter, int Observed, string State, int TaskRuns, int Succeeded, bool EveryShellRan, int Duplicates, string DuplicatedTasks, TimeSpan Recovery)
    {
        public bool Complete => State == "SUCCESS" && TaskRuns == CrashFlow.TaskCount && Succeeded == CrashFlow.TaskCount && EveryShellRan;
    }
}

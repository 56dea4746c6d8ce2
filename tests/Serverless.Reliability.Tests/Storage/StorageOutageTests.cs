using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Serverless.Serve.Tests;
using Serverless.Engine.Records;
using Serverless.Engine.Azure.Records;
using Serverless.Reliability.Tests.Crash;
using Serverless.Reliability.Tests.Support;
using Xunit.Abstractions;

using Serverless.Tests;

namespace Serverless.Reliability.Tests.Storage;

/// <summary>
/// Storage faults: a separate <c>flows serve</c> process runs a 10-task flow on an Azurite of its own, which
/// is killed mid-run and started again a few seconds later (same ports, same data). While it is down the
/// server stays up and answers every call that needs storage with a quick 503 and a retry hint; once it is
/// back, the execution ends SUCCESS with every task once (the one in flight may run twice) and its stored
/// record is complete.
/// </summary>
public sealed partial class StorageOutageTests(ITestOutputHelper output)
{
    private const string Key = "outage-key-0123456789";

    /// <summary>Least time storage stays down, measured from the kill while the test keeps calling the API.</summary>
    private static readonly TimeSpan MinimumOutage = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task AzureStorageBackend_AzuriteStoppedMidRun_Answers503ThenFinishesEveryTaskOnce()
    {
        var markers = Directory.CreateTempSubdirectory("flows-outage-").FullName;
        await using var azurite = await InterruptibleAzurite.StartAsync();
        await using var serve = await ServeProcess.StartAsync(azurite.ConnectionString, ServeProcess.FreePort(), Key);
        using var client = Client(serve);
        try
        {
            var id = await StartAsync(client, markers);
            await WaitForTaskRunsAsync(client, id, 3);

            await azurite.StopAsync();
            var outage = Stopwatch.StartNew();
            var read = await ExpectUnavailableAsync(() => client.GetAsync($"api/v1/executions/{id}"));
            var written = await ExpectUnavailableAsync(() => client.PostYamlAsync("api/v1/flows", OutageFlow.Build(WrittenFlowId)));
            var started = await ExpectUnavailableAsync(() => client.PostJsonAsync($"api/v1/executions/{OutageFlow.Namespace}/{OutageFlow.Id}", Inputs(markers)));
            var calls = await KeepOutageAsync(client, id, outage);
            Assert.True(serve.IsRunning, "flows serve exited during the outage:\n" + serve.Output);

            await azurite.RestartAsync();
            var outageLength = outage.Elapsed;
            var restarted = Stopwatch.StartNew();
            var final = await ExecutionPolling.WaitForEndAsync(client, id, TimeSpan.FromMinutes(3));
            var recovery = restarted.Elapsed;

            AssertComplete(final);
            var duplicates = AssertEveryShellRan(markers, id);
            await AssertAllOrNothingAsync(client);
            await AssertOutageLoggedAsync(serve);
            Report($"storage outage (azurestorage backend): outage {outageLength.TotalSeconds:F1} s, {calls + 3} API calls answered 503 (read {read.TotalSeconds:F1} s, flow write {written.TotalSeconds:F1} s, start {started.TotalSeconds:F1} s), 0 executions lost, {duplicates} duplicate task executions, execution ended {recovery.TotalSeconds:F1} s after storage returned");
        }
        finally
        {
            output.WriteLine(Tail(serve.Output));
            Directory.Delete(markers, recursive: true);
        }
    }

    [Fact]
    public async Task MemoryBackend_AzuriteStoppedUntilAfterTheEnd_RecordsTheCompleteExecutionOnRetry()
    {
        var markers = Directory.CreateTempSubdirectory("flows-outage-").FullName;
        await using var azurite = await InterruptibleAzurite.StartAsync();
        await using var serve = await ServeProcess.StartAsync(azurite.ConnectionString, ServeProcess.FreePort(), Key, backend: "memory");
        using var client = Client(serve);
        try
        {
            var id = await StartAsync(client, markers);
            await WaitForTaskRunsAsync(client, id, 3);

            await azurite.StopAsync();
            var outage = Stopwatch.StartNew();
            Assert.DoesNotContain(OutageFlow.LastTask, Markers(markers, id).Where(m => m.Value > 0).Select(m => m.Key));
            var read = await ExpectUnavailableAsync(() => client.GetAsync($"api/v1/executions/{id}"));

            // The orchestration runs on in memory; its end cannot be recorded until storage is back.
            var ended = await WaitForShellAsync(markers, id, OutageFlow.LastTask);
            var calls = await KeepOutageAsync(client, id, ended, outage);
            Assert.True(serve.IsRunning, "flows serve exited during the outage:\n" + serve.Output);

            await azurite.RestartAsync();
            var outageLength = outage.Elapsed;
            var restarted = Stopwatch.StartNew();
            var record = await WaitForRecordedEndAsync(azurite.ConnectionString, id);
            var recovery = restarted.Elapsed;

            AssertComplete(JsonSerializer.SerializeToElement(record, Serverless.Engine.Contracts.WireJson.Options));
            AssertComplete(await ExecutionPolling.WaitForEndAsync(client, id));
            var duplicates = AssertEveryShellRan(markers, id);
            await AssertOutageLoggedAsync(serve);
            Report($"storage outage (memory backend): outage {outageLength.TotalSeconds:F1} s (execution ended in memory {ended.Elapsed.TotalSeconds:F1} s before storage returned), {calls + 1} API calls answered 503 (first in {read.TotalSeconds:F1} s), record complete {recovery.TotalSeconds:F1} s after storage returned, 0 records lost, {duplicates} duplicate task executions");
        }
        finally
        {
            output.WriteLine(Tail(serve.Output));
            Directory.Delete(markers, recursive: true);
        }
    }

    /// <summary>Polls the stored record (the executions table itself, not the live instance) until it shows the end.</summary>
    private static async Task<Serverless.Engine.Executions.Execution> WaitForRecordedEndAsync(string connectionString, string id)
    {
        var store = new TableExecutionStore(new TableServiceClient(connectionString).GetTableClient(RecordsServiceCollectionExtensions.DefaultExecutionsTable));
        var record = await Eventually.UntilAsync(
            () => store.GetAsync(id),
            record => record is not null && ExecutionPolling.Terminal.Contains(record.State.Current.ToString()),
            $"the record of {id} to show its end",
            seconds: 120);
        return record!;
    }
}

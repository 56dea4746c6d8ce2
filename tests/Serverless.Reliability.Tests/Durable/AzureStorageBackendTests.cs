using System.Net;
using System.Text.Json;
using Serverless.Serve.Tests;
using Serverless.Engine.Azure.Tests.Azurite;
using Serverless.Reliability.Tests.Support;

namespace Serverless.Reliability.Tests.Durable;

/// <summary>The durable local backend runs what the in-memory one runs: tasks, timers, retries, subflows, pause and resume.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzureStorageBackendTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly DurableServeFixture _serve = new(azurite);

    private ApiClient Client => _serve.Client;

    public Task InitializeAsync() => _serve.InitializeAsync();

    public Task DisposeAsync() => _serve.DisposeAsync();

    [Fact]
    public async Task Run_MixedFlowWithSubflowAndRetry_Succeeds()
    {
        var ns = "durable.mix";
        await Client.CreateFlowAsync("""
            id: child
            namespace: durable.mix
            tasks:
              - id: inner
                type: io.kestra.plugin.core.debug.Return
                format: from child
            outputs:
              - id: said
                type: STRING
                value: "{{ outputs.inner.value }}"
            """);
        await Client.CreateFlowAsync("""
            id: parent
            namespace: durable.mix
            tasks:
              - id: ret
                type: io.kestra.plugin.core.debug.Return
                format: hello
              - id: nap
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT1S
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - echo from shell
              - id: flaky
                type: io.kestra.plugin.core.debug.Return
                format: "{{ taskrun.attemptsCount >= 1 ? 'ok' : undefined_on_purpose }}"
                retry:
                  type: constant
                  interval: PT0.5S
                  maxAttempt: 3
              - id: call
                type: io.kestra.plugin.core.flow.Subflow
                namespace: durable.mix
                flowId: child
                wait: true
                transmitFailed: true
            """);

        var execution = await Client.RunAsync(ns, "parent");

        Assert.True(execution.GetProperty("state").GetProperty("current").GetString() == "SUCCESS", execution.ToString());
        var taskIds = execution.GetProperty("taskRunList").EnumerateArray().Select(t => t.GetProperty("taskId").GetString()).ToList();
        Assert.Equal(["ret", "nap", "sh", "flaky", "call"], taskIds);
    }

    [Fact]
    public async Task Resume_ConcurrentHttpCalls_ResumeThePauseOnce()
    {
        var ns = "durable.pause";
        await Client.CreateFlowAsync("""
            id: twice
            namespace: durable.pause
            tasks:
              - id: first
                type: io.kestra.plugin.core.flow.Pause
              - id: second
                type: io.kestra.plugin.core.flow.Pause
            """);
        var started = await Client.PostJsonAsync($"api/v1/executions/{ns}/twice", "{}");
        var id = started.Json.GetProperty("id").GetString()!;
        await ExecutionPolling.WaitForStateAsync(Client, id, "PAUSED");

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Client.PostJsonAsync($"api/v1/executions/{id}/resume", "{}")));

        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.NoContent or HttpStatusCode.Conflict, a.ToString()));
        Assert.Contains(answers, a => a.Status == HttpStatusCode.NoContent);
        // A duplicate resume left queued would resume the next Pause at once and end the execution.
        var second = await ExecutionPolling.WaitForTaskStateAsync(Client, id, "second", "PAUSED");
        var resumed = await Client.PostJsonAsync($"api/v1/executions/{id}/resume", "{}");
        var final = await ExecutionPolling.WaitForEndAsync(Client, id);

        Assert.Equal("SUCCESS", ExecutionPolling.TaskState(second, "first"));
        Assert.Equal(HttpStatusCode.NoContent, resumed.Status);
        Assert.Equal("SUCCESS", ExecutionPolling.TaskState(final, "second"));
        Assert.Equal("SUCCESS", final.GetProperty("state").GetProperty("current").GetString());
    }
}

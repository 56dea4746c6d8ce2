using System.Net;
using Serverless.Serve.Tests;
using Serverless.Reliability.Tests.Support;

namespace Serverless.Reliability.Tests.Durable;

/// <summary>Concurrent resume calls over the HTTP API of <c>flows serve</c> (in-memory backend) resume a pause once.</summary>
public sealed class ResumeTests : IClassFixture<MemoryServeFixture>
{
    private readonly ApiClient _client;

    public ResumeTests(MemoryServeFixture serve) => _client = serve.Client;

    [Fact]
    public async Task Resume_TenConcurrentHttpCalls_ResumeThePauseOnce()
    {
        var ns = "resume.race";
        await _client.CreateFlowAsync("""
            id: twice
            namespace: resume.race
            tasks:
              - id: first
                type: io.kestra.plugin.core.flow.Pause
              - id: second
                type: io.kestra.plugin.core.flow.Pause
            """);
        var started = await _client.PostJsonAsync($"api/v1/executions/{ns}/twice", "{}");
        var id = started.Json.GetProperty("id").GetString()!;
        await ExecutionPolling.WaitForStateAsync(_client, id, "PAUSED");

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _client.PostJsonAsync($"api/v1/executions/{id}/resume", "{}")));

        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.NoContent or HttpStatusCode.Conflict, a.ToString()));
        // A duplicate resume left queued would resume the next Pause at once and end the execution.
        var second = await ExecutionPolling.WaitForTaskStateAsync(_client, id, "second", "PAUSED");
        var resumed = await _client.PostJsonAsync($"api/v1/executions/{id}/resume", "{}");
        var final = await ExecutionPolling.WaitForEndAsync(_client, id);

        Assert.Equal("SUCCESS", ExecutionPolling.TaskState(second, "first"));
        Assert.Equal(HttpStatusCode.NoContent, resumed.Status);
        Assert.Equal("SUCCESS", ExecutionPolling.TaskState(final, "second"));
        Assert.Equal("SUCCESS", final.GetProperty("state").GetProperty("current").GetString());
    }
}

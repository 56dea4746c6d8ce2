using System.Net;

namespace Serverless.Serve.Tests;

public sealed class ExecutionControlTests(ServeFixture serve) : IClassFixture<ServeFixture>
{
    private readonly ApiClient _api = serve.Client;

    private static string Sleeper(string ns) => $"""
        id: sleeper
        namespace: {ns}
        tasks:
          - id: nap
            type: io.kestra.plugin.core.flow.Sleep
            duration: PT1H
        """;

    private static string Approval(string ns) => $$$"""
        id: approval
        namespace: {{{ns}}}
        tasks:
          - id: wait
            type: io.kestra.plugin.core.flow.Pause
            onResume:
              - id: approved
                type: BOOLEAN
          - id: after
            type: io.kestra.plugin.core.debug.Return
            format: "{{ outputs.wait.onResume.approved }}"
        """;

    [Fact]
    public async Task Kill_RunningExecution_Returns202AndEndsKilled()
    {
        var ns = ServeFixture.NewNamespace();
        await _api.CreateFlowAsync(Sleeper(ns));
        var id = (await _api.PostJsonAsync($"api/v1/executions/{ns}/sleeper", "{}")).Json.GetProperty("id").GetString();

        var kill = await _api.DeleteAsync($"api/v1/executions/{id}/kill");
        var read = await _api.GetAsync($"api/v1/executions/{id}");
        var again = await _api.DeleteAsync($"api/v1/executions/{id}/kill");
        var search = await _api.GetAsync($"api/v1/executions/search?namespace={ns}&state=KILLED");

        Assert.Equal(HttpStatusCode.Accepted, kill.Status);
        Assert.Equal("KILLED", ExecutionRoutesTests.State(read.Json).GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal(1, search.Json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Kill_UnknownExecution_Returns404()
    {
        var answer = await _api.DeleteAsync("api/v1/executions/nope123/kill");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    [Fact]
    public async Task Resume_PausedExecution_ContinuesWithInputs()
    {
        var ns = ServeFixture.NewNamespace();
        await _api.CreateFlowAsync(Approval(ns));
        var id = (await _api.PostJsonAsync($"api/v1/executions/{ns}/approval", "{}")).Json.GetProperty("id").GetString()!;
        await WaitForStateAsync(id, "PAUSED");

        var resume = await _api.PostJsonAsync($"api/v1/executions/{id}/resume", """{"approved": true}""");
        var ended = await serve.Host.Engine.Executions.WaitAsync(id);

        Assert.Equal(HttpStatusCode.NoContent, resume.Status);
        Assert.Equal(Engine.Executions.State.SUCCESS, ended.State.Current);
        Assert.Equal("true", ended.TaskRunList.Single(t => t.TaskId == "after").Outputs!["value"]);
    }

    [Fact]
    public async Task Resume_NotPaused_Returns409()
    {
        var ns = ServeFixture.NewNamespace();
        await _api.CreateFlowAsync(Sleeper(ns).Replace("PT1H", "PT0S", StringComparison.Ordinal));
        var execution = await _api.RunAsync(ns, "sleeper");

        var answer = await _api.PostJsonAsync($"api/v1/executions/{execution.GetProperty("id").GetString()}/resume", "{}");

        Assert.Equal(HttpStatusCode.Conflict, answer.Status);
    }

    [Fact]
    public async Task Resume_UnknownExecution_Returns404()
    {
        var answer = await _api.PostJsonAsync("api/v1/executions/nope123/resume", "{}");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    [Fact]
    public async Task Restart_FailedExecution_StartsNewExecutionWithSameInputs()
    {
        var ns = ServeFixture.NewNamespace();
        await _api.CreateFlowAsync($"""
            id: flaky
            namespace: {ns}
            inputs:
              - id: n
                type: INT
            tasks:
              - id: boom
                type: io.kestra.plugin.core.execution.Fail
            """);
        var failed = await _api.RunAsync(ns, "flaky", """{"n": 7}""");
        var failedId = failed.GetProperty("id").GetString();

        var restart = await _api.PostJsonAsync($"api/v1/executions/{failedId}/restart", "");
        var newId = restart.Json.GetProperty("id").GetString()!;
        var rerun = await serve.Host.Engine.Executions.WaitAsync(newId);

        Assert.Equal("FAILED", ExecutionRoutesTests.State(failed).GetString());
        Assert.Equal(HttpStatusCode.OK, restart.Status);
        Assert.NotEqual(failedId, newId);
        Assert.Equal(7L, rerun.Inputs!["n"]);
        Assert.Contains(rerun.Labels, l => l.Key == "system.restartedFrom" && l.Value == failedId);
    }

    [Fact]
    public async Task Restart_SuccessfulExecution_Returns409()
    {
        var ns = ServeFixture.NewNamespace();
        await _api.CreateFlowAsync(Sleeper(ns).Replace("PT1H", "PT0S", StringComparison.Ordinal));
        var execution = await _api.RunAsync(ns, "sleeper");

        var answer = await _api.PostJsonAsync($"api/v1/executions/{execution.GetProperty("id").GetString()}/restart", "");

        Assert.Equal(HttpStatusCode.Conflict, answer.Status);
    }

    private async Task WaitForStateAsync(string id, string state)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (ExecutionRoutesTests.State((await _api.GetAsync($"api/v1/executions/{id}")).Json).GetString() != state)
        {
            await ticks.WaitForNextTickAsync(timeout.Token);
        }
    }
}

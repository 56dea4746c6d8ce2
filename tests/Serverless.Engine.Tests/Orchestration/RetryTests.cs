using Serverless.Engine.Executions;
using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Orchestration;

[Collection(EngineCollection.Name)]
public sealed class RetryTests(EngineFixture engine)
{
    [Theory]
    [InlineData("constant", "interval: PT0.01S")]
    [InlineData("exponential", "interval: PT0.01S\n      maxInterval: PT0.05S\n      delayFactor: 2")]
    [InlineData("random", "minInterval: PT0.01S\n      maxInterval: PT0.02S")]
    public async Task Retry_RecordsEveryAttemptOnOneTaskRun(string type, string settings)
    {
        var execution = await engine.RunAsync($$"""
            id: retry
            namespace: tests
            tasks:
              - id: flaky
                type: io.kestra.plugin.core.execution.Fail
                retry:
                  type: {{type}}
                  {{settings}}
                  maxAttempt: 3
            """);

        Assert.Equal(State.FAILED, execution.State.Current);
        var run = execution.Run("flaky");
        Assert.Equal(3, run.Attempts.Count);
        Assert.All(run.Attempts, a => Assert.Equal(State.FAILED, a.State.Current));
    }

    [Fact]
    public async Task Retry_SucceedingLater_WithWarningOnRetry_EndsWarning()
    {
        var execution = await engine.RunAsync("""
            id: retry-ok
            namespace: tests
            tasks:
              - id: flaky
                type: io.kestra.plugin.core.debug.Return
                format: "{{ taskrun.attemptsCount == 2 ? 'third time' : undefined_variable }}"
                retry:
                  type: constant
                  interval: PT0.01S
                  maxAttempt: 5
                  warningOnRetry: true
            """);

        Assert.Equal(State.WARNING, execution.State.Current);
        var run = execution.Run("flaky");
        Assert.Equal(3, run.Attempts.Count);
        Assert.Equal(State.SUCCESS, run.Attempts[^1].State.Current);
        Assert.Equal("third time", run.Outputs!["value"]);
    }

    [Fact]
    public async Task FlowRetry_AppliesToTasksWithoutTheirOwn()
    {
        var execution = await engine.RunAsync("""
            id: flow-retry
            namespace: tests
            retry:
              type: constant
              interval: PT0.01S
              maxAttempt: 2
            tasks:
              - id: flaky
                type: io.kestra.plugin.core.execution.Fail
            """);

        Assert.Equal(2, execution.Run("flaky").Attempts.Count);
    }

    [Fact]
    public async Task NoRetry_MeansOneAttempt()
    {
        var execution = await engine.RunAsync("""
            id: no-retry
            namespace: tests
            tasks:
              - id: once
                type: io.kestra.plugin.core.execution.Fail
            """);

        Assert.Single(execution.Run("once").Attempts);
    }
}

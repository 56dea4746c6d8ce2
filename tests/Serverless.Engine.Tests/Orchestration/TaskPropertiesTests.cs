using Serverless.Engine.Executions;
using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Orchestration;

[Collection(EngineCollection.Name)]
public sealed class TaskPropertiesTests(EngineFixture engine)
{
    [Fact]
    public async Task AfterExecution_RunsOnceTheStateIsFinal_AndItsFailureDoesNotChangeIt()
    {
        var execution = await engine.RunAsync("""
            id: after
            namespace: tests
            tasks:
              - id: work
                type: io.kestra.plugin.core.log.Log
                message: done
            afterExecution:
              - id: report
                type: io.kestra.plugin.core.debug.Return
                format: "{{ execution.id }}"
              - id: broken
                type: io.kestra.plugin.core.execution.Fail
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Equal(["work", "report", "broken"], execution.TaskIds());
        Assert.Equal(State.FAILED, execution.StateOf("broken"));
    }

    [Fact]
    public async Task AllowWarning_TurnsAWarningIntoSuccessForTheExecution()
    {
        var execution = await engine.RunAsync("""
            id: allow-warning
            namespace: tests
            tasks:
              - id: flaky
                type: io.kestra.plugin.core.debug.Return
                format: "{{ taskrun.attemptsCount == 1 ? 'ok' : nope }}"
                allowWarning: true
                retry:
                  type: constant
                  interval: PT0.01S
                  maxAttempt: 2
                  warningOnRetry: true
            """);

        Assert.Equal(State.SUCCESS, execution.StateOf("flaky"));
        Assert.Equal(State.SUCCESS, execution.State.Current);
    }

    [Fact]
    public async Task LogLevel_DropsLinesBelowTheTaskLevel()
    {
        var execution = await engine.RunAsync("""
            id: log-level
            namespace: tests
            tasks:
              - id: quiet
                type: io.kestra.plugin.core.log.Log
                logLevel: WARN
                level: INFO
                message: not shown
              - id: loud
                type: io.kestra.plugin.core.log.Log
                logLevel: WARN
                level: ERROR
                message: shown
            """);

        Assert.Equal(["shown"], engine.Logs.For(execution.Id).Select(l => l.Message));
    }

    [Fact]
    public async Task Timeout_StopsATaskThatRunsTooLong()
    {
        var execution = await engine.RunAsync("""
            id: timeout
            namespace: tests
            tasks:
              - id: slow
                type: io.kestra.plugin.scripts.shell.Commands
                timeout: PT0.5S
                commands:
                  - sleep 30
            """);

        Assert.Equal(State.FAILED, execution.State.Current);
        Assert.Contains("timeout", execution.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Execution_ExposesFlowExecutionAndTaskVariables()
    {
        var execution = await engine.RunAsync("""
            id: variables
            namespace: tests.vars
            labels:
              team: data
            variables:
              greeting: "hi {{ inputs.who }}"
            inputs:
              - id: who
                type: STRING
                defaults: you
            tasks:
              - id: show
                type: io.kestra.plugin.core.debug.Return
                format: "{{ flow.namespace }}/{{ flow.id }} {{ task.id }} {{ labels.team }} {{ render(vars.greeting) }} {{ execution.id | length }}"
            """);

        Assert.Equal("tests.vars/variables show data hi you 22", execution.Run("show").Outputs!["value"]);
    }
}

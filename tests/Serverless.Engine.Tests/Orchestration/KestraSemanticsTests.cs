using Serverless.Engine.Executions;
using Serverless.Engine.Parsing;
using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Orchestration;

/// <summary>Flowable and state semantics checked against Kestra's own tests (AllowFailureTest, DagTest, LoopUntilCaseTest…).</summary>
[Collection(EngineCollection.Name)]
public sealed class KestraSemanticsTests(EngineFixture engine)
{
    [Fact]
    public async Task AllowFailure_FailingChild_RunsItsErrorsBranchThenEndsWarning()
    {
        var execution = await engine.RunAsync("""
            id: allow-failure-errors
            namespace: tests
            tasks:
              - id: block
                type: io.kestra.plugin.core.flow.AllowFailure
                tasks:
                  - id: failing
                    type: io.kestra.plugin.core.execution.Fail
                errors:
                  - id: handler
                    type: io.kestra.plugin.core.log.Log
                    message: handled
                finally:
                  - id: cleanup
                    type: io.kestra.plugin.core.log.Log
                    message: cleaned
              - id: downstream
                type: io.kestra.plugin.core.log.Log
                message: downstream
            """);

        Assert.Equal(State.WARNING, execution.State.Current);
        Assert.Equal(["block", "failing", "handler", "cleanup", "downstream"], execution.TaskIds());
        Assert.Equal(State.WARNING, execution.StateOf("block"));
        Assert.Equal(State.FAILED, execution.StateOf("failing"));
        Assert.Equal(State.SUCCESS, execution.StateOf("handler"));
    }

    [Fact]
    public async Task AllowWarning_FailureTurnedIntoWarning_CountsAsSuccessForTheTaskAndTheExecution()
    {
        var execution = await engine.RunAsync("""
            id: allow-warning-runnable
            namespace: tests
            tasks:
              - id: fail
                type: io.kestra.plugin.core.execution.Fail
                allowFailure: true
                allowWarning: true
                retry:
                  type: constant
                  interval: PT0.01S
                  maxAttempt: 3
              - id: seq
                type: io.kestra.plugin.core.flow.Sequential
                allowFailure: true
                allowWarning: true
                tasks:
                  - id: inner
                    type: io.kestra.plugin.core.execution.Fail
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Equal(State.SUCCESS, execution.StateOf("fail"));
        Assert.Equal(3, execution.Run("fail").Attempts.Count);
        Assert.All(execution.Run("fail").Attempts, a => Assert.Equal(State.FAILED, a.State.Current));
        Assert.Equal(State.SUCCESS, execution.StateOf("seq"));
        Assert.Equal(State.FAILED, execution.StateOf("inner"));
    }

    [Fact]
    public async Task AllowFailure_FailedRunnable_IsRecordedWarningWithAFailedAttempt()
    {
        var execution = await engine.RunAsync("""
            id: allow-failure-runnable
            namespace: tests
            tasks:
              - id: fail
                type: io.kestra.plugin.core.execution.Fail
                allowFailure: true
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: next
            """);

        Assert.Equal(State.WARNING, execution.State.Current);
        Assert.Equal(State.WARNING, execution.StateOf("fail"));
        Assert.Equal(State.FAILED, execution.Run("fail").Attempts[^1].State.Current);
    }

    [Fact]
    public async Task LoopUntil_Children_SeeTheIterationCountWhileLooping()
    {
        var execution = await engine.RunAsync("""
            id: loop-count
            namespace: tests
            tasks:
              - id: loop
                type: io.kestra.plugin.core.flow.LoopUntil
                condition: "{{ outputs.count.value == '3' }}"
                checkFrequency:
                  interval: PT0.01S
                tasks:
                  - id: count
                    type: io.kestra.plugin.core.debug.Return
                    format: "{{ outputs.loop.iterationCount }}"
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Equal(["1", "2", "3"], execution.Runs("count").Select(r => r.Outputs!["value"]));
        Assert.Equal(3L, execution.Run("loop").Outputs!["iterationCount"]);
    }

    [Theory]
    [InlineData("io.kestra.plugin.core.log.Log", "message", "SUCCESS")]
    [InlineData("io.kestra.plugin.core.execution.Fail", "errorMessage", "FAILED")]
    public async Task AfterExecution_SeesTheFinalStateAndTheFlowOutputs(string firstType, string property, string expected)
    {
        var execution = await engine.RunAsync($$$"""
            id: after-execution-state
            namespace: tests
            tasks:
              - id: first
                type: {{{firstType}}}
                {{{property}}}: hi
              - id: value
                type: io.kestra.plugin.core.debug.Return
                format: produced
            outputs:
              - id: final
                type: STRING
                value: "{{ outputs.value.value ?? 'none' }}"
            afterExecution:
              - id: end
                type: io.kestra.plugin.core.debug.Return
                format: "{{ execution.state }} {{ execution.outputs.final ?? 'no outputs' }}"
            """);

        var outputs = expected == "SUCCESS" ? "produced" : "none";
        Assert.Equal($"{expected} {outputs}", execution.Run("end").Outputs!["value"]);
    }

    [Fact]
    public async Task FlowOutputs_OptionalOutputThatCannotRender_IsLeftOut()
    {
        var execution = await engine.RunAsync("""
            id: optional-outputs
            namespace: tests
            tasks:
              - id: return
                type: io.kestra.plugin.core.debug.Return
                format: "{{ flow.id }}"
            outputs:
              - id: optional
                type: STRING
                value: "{{ outputs.missing.value }}"
                required: false
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Null(execution.Outputs);
    }

    [Fact]
    public async Task FlowOutputs_RequiredOutputThatCannotRender_FailsTheExecutionWithoutOutputs()
    {
        var execution = await engine.RunAsync("""
            id: required-outputs
            namespace: tests
            tasks:
              - id: return
                type: io.kestra.plugin.core.debug.Return
                format: "{{ flow.id }}"
            outputs:
              - id: fine
                type: STRING
                value: "{{ outputs.return.value }}"
              - id: broken
                type: STRING
                value: "{{ outputs.missing.value }}"
            """);

        Assert.Equal(State.FAILED, execution.State.Current);
        Assert.Null(execution.Outputs);
        Assert.StartsWith("outputs.broken:", execution.Error, StringComparison.Ordinal);
    }
}

using Serverless.Engine.Executions;
using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Orchestration;

[Collection(EngineCollection.Name)]
public sealed class SequenceAndParallelTests(EngineFixture engine)
{
    [Fact]
    public async Task Sequential_RunsChildrenInOrder_EachWithItsOwnTaskRun()
    {
        var execution = await engine.RunAsync("""
            id: seq
            namespace: tests
            tasks:
              - id: outer
                type: io.kestra.plugin.core.flow.Sequential
                tasks:
                  - id: a
                    type: io.kestra.plugin.core.debug.Return
                    format: "{{ task.id }}"
                  - id: b
                    type: io.kestra.plugin.core.debug.Return
                    format: "{{ outputs.a.value }}-b"
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Equal(["outer", "a", "b"], execution.TaskIds());
        Assert.Equal(execution.Run("outer").Id, execution.Run("a").ParentTaskRunId);
        Assert.Equal("a-b", execution.Run("b").Outputs!["value"]);
    }

    [Fact]
    public async Task Sequence_StopsAtTheFirstFailure()
    {
        var execution = await engine.RunAsync("""
            id: seq-fail
            namespace: tests
            tasks:
              - id: ok
                type: io.kestra.plugin.core.log.Log
                message: fine
              - id: boom
                type: io.kestra.plugin.core.execution.Fail
                errorMessage: broken on purpose
              - id: never
                type: io.kestra.plugin.core.log.Log
                message: unreachable
            """);

        Assert.Equal(State.FAILED, execution.State.Current);
        Assert.Equal(["ok", "boom"], execution.TaskIds());
        Assert.Contains("broken on purpose", execution.Error);
    }

    [Fact]
    public async Task Parallel_RunsEveryChild_AndTheParentTakesTheWorstState()
    {
        var execution = await engine.RunAsync("""
            id: par
            namespace: tests
            tasks:
              - id: fan
                type: io.kestra.plugin.core.flow.Parallel
                concurrent: 2
                tasks:
                  - id: p1
                    type: io.kestra.plugin.core.log.Log
                    message: one
                  - id: p2
                    type: io.kestra.plugin.core.execution.Fail
                    allowFailure: true
                  - id: p3
                    type: io.kestra.plugin.core.log.Log
                    message: three
            """);

        Assert.Equal(State.WARNING, execution.State.Current);
        Assert.Equal(State.WARNING, execution.StateOf("p2"));
        Assert.Equal(State.FAILED, execution.Run("p2").Attempts[^1].State.Current);
        Assert.Equal(State.WARNING, execution.StateOf("fan"));
        Assert.Equal(4, execution.TaskRunList.Count);
    }

    [Fact]
    public async Task DisabledTask_HasNoTaskRun()
    {
        var execution = await engine.RunAsync("""
            id: disabled
            namespace: tests
            tasks:
              - id: on
                type: io.kestra.plugin.core.log.Log
                message: runs
              - id: off
                type: io.kestra.plugin.core.log.Log
                message: never
                disabled: true
            """);

        Assert.Equal(["on"], execution.TaskIds());
    }

    [Fact]
    public async Task FlowErrors_RunAfterAFailure_AndTheExecutionStaysFailed()
    {
        var execution = await engine.RunAsync("""
            id: errors
            namespace: tests
            tasks:
              - id: boom
                type: io.kestra.plugin.core.execution.Fail
                errorMessage: kaput
            errors:
              - id: handler
                type: io.kestra.plugin.core.debug.Return
                format: "{{ errorLogs()[0].taskId }}: {{ errorLogs()[0].message }}"
            finally:
              - id: cleanup
                type: io.kestra.plugin.core.log.Log
                message: always
            """);

        Assert.Equal(State.FAILED, execution.State.Current);
        Assert.Equal(["boom", "handler", "cleanup"], execution.TaskIds());
        Assert.Equal("boom: kaput", execution.Run("handler").Outputs!["value"]);
    }

    [Fact]
    public async Task FlowableErrors_RunInsideTheFlowable()
    {
        var execution = await engine.RunAsync("""
            id: local-errors
            namespace: tests
            tasks:
              - id: group
                type: io.kestra.plugin.core.flow.Sequential
                tasks:
                  - id: boom
                    type: io.kestra.plugin.core.execution.Fail
                errors:
                  - id: local
                    type: io.kestra.plugin.core.log.Log
                    message: handled locally
            """);

        Assert.Equal(State.FAILED, execution.StateOf("group"));
        Assert.Equal(execution.Run("group").Id, execution.Run("local").ParentTaskRunId);
    }
}

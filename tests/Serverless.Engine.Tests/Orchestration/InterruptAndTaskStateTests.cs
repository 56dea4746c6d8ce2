using Serverless.Engine.Executions;
using Serverless.Engine.Parsing;
using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Orchestration;

/// <summary>Dag <c>onChildFailure</c> (interrupting running siblings) and the <c>tasksWithState()</c> function.</summary>
[Collection(EngineCollection.Name)]
public sealed class InterruptAndTaskStateTests(EngineFixture engine)
{
    [Theory]
    [InlineData("CANCEL", State.CANCELLED)]
    [InlineData("FAIL", State.FAILED)]
    public async Task Dag_OnChildFailure_EndsRunningSiblingsAtOnceAndRunsErrors(string onChildFailure, State expected)
    {
        var execution = await engine.RunAsync($"""
            id: dag-interrupt
            namespace: tests
            tasks:
              - id: dag
                type: io.kestra.plugin.core.flow.Dag
                onChildFailure: {onChildFailure}
                tasks:
                  - task:
                      id: fails_fast
                      type: io.kestra.plugin.core.execution.Fail
                  - task:
                      id: slow
                      type: io.kestra.plugin.core.flow.Sequential
                      tasks:
                        - id: sleep
                          type: io.kestra.plugin.core.flow.Sleep
                          duration: PT1M
                        - id: never
                          type: io.kestra.plugin.core.log.Log
                          message: never
                errors:
                  - id: handler
                    type: io.kestra.plugin.core.log.Log
                    message: handled
            """);

        Assert.Equal(State.FAILED, execution.State.Current);
        Assert.Equal(State.FAILED, execution.StateOf("dag"));
        Assert.Equal(expected, execution.StateOf("slow"));
        Assert.Equal(expected, execution.StateOf("sleep"));
        Assert.Equal(State.SUCCESS, execution.StateOf("handler"));
        Assert.DoesNotContain("never", execution.TaskIds());
        Assert.True(execution.State.EndDate - execution.State.StartDate < TimeSpan.FromSeconds(30), "the Dag waited for the sleeping sibling");
    }

    [Fact]
    public async Task Dag_DefaultOnChildFailure_LetsRunningSiblingsFinish()
    {
        var execution = await engine.RunAsync("""
            id: dag-continue
            namespace: tests
            tasks:
              - id: dag
                type: io.kestra.plugin.core.flow.Dag
                tasks:
                  - task:
                      id: fails_fast
                      type: io.kestra.plugin.core.execution.Fail
                  - task:
                      id: sleep
                      type: io.kestra.plugin.core.flow.Sleep
                      duration: PT0.5S
            """);

        Assert.Equal(State.FAILED, execution.StateOf("dag"));
        Assert.Equal(State.SUCCESS, execution.StateOf("sleep"));
    }

    [Fact]
    public void Dag_UnknownOnChildFailure_IsRejected()
    {
        var result = FlowParser.Default.Parse("""
            id: dag-bad
            namespace: tests
            tasks:
              - id: dag
                type: io.kestra.plugin.core.flow.Dag
                onChildFailure: EXPLODE
                tasks:
                  - task:
                      id: a
                      type: io.kestra.plugin.core.log.Log
                      message: a
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal("dag.onChildFailure", error.Path);
        Assert.Contains("CONTINUE, CANCEL or FAIL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TasksWithState_InRunIfFlowOutputsAndActivities_ListsTheTaskRunsInThatState()
    {
        var execution = await engine.RunAsync("""
            id: tasks-with-state
            namespace: tests
            tasks:
              - id: hello
                type: io.kestra.plugin.core.log.Log
                message: hello
              - id: will_fail
                type: io.kestra.plugin.core.execution.Fail
            finally:
              - id: on_failure
                type: io.kestra.plugin.core.debug.Return
                runIf: "{{ tasksWithState(state='FAILED') is not empty }}"
                format: "{% for t in tasksWithState('FAILED') %}{{ t.taskId }}{% endfor %}/{{ tasksWithState() | length }}"
              - id: skipped
                type: io.kestra.plugin.core.log.Log
                runIf: "{{ tasksWithState(state='FAILED') is empty }}"
                message: skipped
            outputs:
              - id: succeeded
                type: JSON
                value: "{{ tasksWithState(state='success') }}"
            """);

        Assert.Equal(State.FAILED, execution.State.Current);
        Assert.Equal("will_fail/1", execution.Run("on_failure").Outputs!["value"]);
        Assert.Equal(State.SKIPPED, execution.StateOf("skipped"));
        var succeeded = Contracts.PlainValues.ToJson(execution.Outputs!["succeeded"]);
        Assert.Contains("\"taskId\":\"hello\"", succeeded, StringComparison.Ordinal);
        Assert.Contains("\"taskId\":\"on_failure\"", succeeded, StringComparison.Ordinal);
    }
}

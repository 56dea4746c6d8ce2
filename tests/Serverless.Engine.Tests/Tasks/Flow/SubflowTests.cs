using Serverless.Engine.Executions;
using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Tasks.Flow;

[Collection(FlowTaskCollection.Name)]
public sealed class SubflowTests
{
    private readonly FlowTaskFixture _fixture;

    public SubflowTests(FlowTaskFixture fixture)
    {
        _fixture = fixture;
        fixture.Flows.Add("""
            id: greet
            namespace: tests.subflow
            inputs:
              - id: name
                type: STRING
              - id: times
                type: INT
                defaults: 1
            tasks:
              - id: hello
                type: io.kestra.plugin.core.debug.Return
                format: "hello {{ inputs.name }} x{{ inputs.times }}"
            outputs:
              - id: greeting
                type: STRING
                value: "{{ outputs.hello.value }}"
            """);
        fixture.Flows.Add("""
            id: broken
            namespace: tests.subflow
            tasks:
              - id: fail
                type: io.kestra.plugin.core.execution.Fail
                errorMessage: child gave up
            """);
    }

    [Fact]
    public async Task Subflow_Waiting_ExposesExecutionIdStateAndOutputs()
    {
        var execution = await _fixture.RunAsync("""
            id: parent_ok
            namespace: tests.subflow
            labels:
              team: data
            tasks:
              - id: call
                type: io.kestra.plugin.core.flow.Subflow
                namespace: tests.subflow
                flowId: greet
                inheritLabels: true
                inputs:
                  name: "{{ flow.id }}"
                  times: 2
              - id: use
                type: io.kestra.plugin.core.debug.Return
                format: "{{ outputs.call.outputs.greeting }} ({{ outputs.call.state }})"
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        var outputs = execution.Run("call").Outputs!;
        var childId = Assert.IsType<string>(outputs["executionId"]);
        Assert.Equal("SUCCESS", outputs["state"]);
        Assert.Equal("hello parent_ok x2 (SUCCESS)", execution.Run("use").Outputs!["value"]);
        var child = Assert.Single(_fixture.Ended.ChildrenOf(execution.Id));
        Assert.Equal(childId, child.Id);
        Assert.Contains(child.Labels, l => l.Key == "team" && l.Value == "data");
        Assert.Equal(execution.Id, child.ParentId);
    }

    [Theory]
    [InlineData(true, State.FAILED)]
    [InlineData(false, State.SUCCESS)]
    public async Task Subflow_FailedChild_FailsTheTaskOnlyWithTransmitFailed(bool transmitFailed, State expected)
    {
        var execution = await _fixture.RunAsync($"""
            id: parent_transmit
            namespace: tests.subflow
            tasks:
              - id: call
                type: io.kestra.plugin.core.flow.Subflow
                namespace: tests.subflow
                flowId: broken
                transmitFailed: {(transmitFailed ? "true" : "false")}
            """);

        Assert.Equal(expected, execution.State.Current);
        Assert.Equal(expected, execution.StateOf("call"));
        Assert.Equal("FAILED", execution.Run("call").Outputs!["state"]);
        if (transmitFailed)
        {
            Assert.Contains("child gave up", execution.Error ?? "", StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("io.kestra.plugin.core.flow.Subflow")]
    [InlineData("io.kestra.core.tasks.flows.Flow")]
    public async Task Subflow_FailedChildWithoutTransmitFailed_FailsTheParentByDefault(string type)
    {
        var execution = await _fixture.RunAsync($"""
            id: parent_default_transmit
            namespace: tests.subflow
            tasks:
              - id: call
                type: {type}
                namespace: tests.subflow
                flowId: broken
              - id: after
                type: io.kestra.plugin.core.log.Log
                message: never
            """);

        Assert.Equal(State.FAILED, execution.State.Current);
        Assert.Equal(State.FAILED, execution.StateOf("call"));
        Assert.DoesNotContain("after", execution.TaskIds());
    }

    [Fact]
    public async Task Subflow_UnknownFlow_FailsWithTheFlowsName()
    {
        var execution = await _fixture.RunAsync("""
            id: parent_unknown
            namespace: tests.subflow
            tasks:
              - id: call
                type: io.kestra.plugin.core.flow.Subflow
                namespace: tests.subflow
                flowId: does_not_exist
            """);

        Assert.Equal(State.FAILED, execution.StateOf("call"));
        Assert.Equal("call: flow tests.subflow.does_not_exist not found", execution.Error);
        Assert.Empty(_fixture.Ended.ChildrenOf(execution.Id));
    }

    [Fact]
    public async Task Subflow_BadChildInputs_FailsNamingTheInput()
    {
        var execution = await _fixture.RunAsync("""
            id: parent_bad_inputs
            namespace: tests.subflow
            tasks:
              - id: call
                type: io.kestra.plugin.core.flow.Subflow
                namespace: tests.subflow
                flowId: greet
                inputs:
                  name: someone
                  times: not-a-number
            """);

        Assert.Equal(State.FAILED, execution.StateOf("call"));
        Assert.StartsWith("call: cannot start tests.subflow.greet: ", execution.Error, StringComparison.Ordinal);
        Assert.Contains("input 'times'", execution.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subflow_WithoutWait_StartsADetachedExecution()
    {
        var execution = await _fixture.RunAsync("""
            id: parent_detached
            namespace: tests.subflow
            tasks:
              - id: call
                type: io.kestra.plugin.core.flow.Subflow
                namespace: tests.subflow
                flowId: greet
                wait: false
                inputs:
                  name: detached
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        var outputs = execution.Run("call").Outputs!;
        Assert.False(outputs.ContainsKey("state"));
        var child = Assert.Single(await _fixture.Ended.WaitForChildrenAsync(execution.Id, 1));
        Assert.Equal(outputs["executionId"], child.Id);
        Assert.Equal(State.SUCCESS, child.State.Current);
        Assert.Equal("hello detached x1", child.Outputs!["greeting"]);
    }
}

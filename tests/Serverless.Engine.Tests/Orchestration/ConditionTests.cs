using Serverless.Engine.Executions;
using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Orchestration;

[Collection(EngineCollection.Name)]
public sealed class ConditionTests(EngineFixture engine)
{
    private const string IfFlow = """
        id: if
        namespace: tests
        inputs:
          - id: value
            type: STRING
        tasks:
          - id: check
            type: io.kestra.plugin.core.flow.If
            condition: "{{ inputs.value }}"
            then:
              - id: yes
                type: io.kestra.plugin.core.log.Log
                message: yes
            else:
              - id: no
                type: io.kestra.plugin.core.log.Log
                message: no
        """;

    [Theory]
    [InlineData("true", "yes")]
    [InlineData("1", "yes")]
    [InlineData("anything", "yes")]
    [InlineData("false", "no")]
    [InlineData("0", "no")]
    [InlineData("FALSE", "no")]
    public async Task If_FollowsKestraTruthiness(string value, string branch)
    {
        var execution = await engine.RunAsync(IfFlow, new Dictionary<string, object?> { ["value"] = value });

        Assert.Equal(["check", branch], execution.TaskIds());
    }

    private const string SwitchFlow = """
        id: switch
        namespace: tests
        inputs:
          - id: kind
            type: STRING
        tasks:
          - id: route
            type: io.kestra.plugin.core.flow.Switch
            value: "{{ inputs.kind }}"
            cases:
              A:
                - id: on-a
                  type: io.kestra.plugin.core.log.Log
                  message: a
            defaults:
              - id: fallback
                type: io.kestra.plugin.core.log.Log
                message: other
        """;

    [Theory]
    [InlineData("A", "on-a", false)]
    [InlineData("Z", "fallback", true)]
    public async Task Switch_RunsTheMatchingCaseOrDefaults_AndSaysWhich(string kind, string ran, bool defaults)
    {
        var execution = await engine.RunAsync(SwitchFlow, new Dictionary<string, object?> { ["kind"] = kind });

        Assert.Equal(["route", ran], execution.TaskIds());
        Assert.Equal(kind, execution.Run("route").Outputs!["value"]);
        Assert.Equal(defaults, execution.Run("route").Outputs!["defaults"]);
    }

    [Fact]
    public async Task Switch_WithNoMatchAndNoDefaults_Fails()
    {
        var execution = await engine.RunAsync("""
            id: switch-none
            namespace: tests
            tasks:
              - id: route
                type: io.kestra.plugin.core.flow.Switch
                value: nothing
                cases:
                  A:
                    - id: on-a
                      type: io.kestra.plugin.core.log.Log
                      message: a
            """);

        Assert.Equal(State.FAILED, execution.State.Current);
        Assert.Equal(["route"], execution.TaskIds());
    }

    [Fact]
    public async Task RunIf_FalseSkips_TrueRuns_ErrorFails()
    {
        var execution = await engine.RunAsync("""
            id: runif
            namespace: tests
            tasks:
              - id: skipped
                type: io.kestra.plugin.core.log.Log
                message: no
                runIf: "{{ 1 == 2 }}"
              - id: ran
                type: io.kestra.plugin.core.log.Log
                message: yes
                runIf: "{{ 1 == 1 }}"
              - id: broken
                type: io.kestra.plugin.core.log.Log
                message: never
                runIf: "{{ outputs.missing.value }}"
            """);

        Assert.Equal(State.SKIPPED, execution.StateOf("skipped"));
        Assert.Equal([State.SKIPPED], execution.Run("skipped").Attempts.Select(a => a.State.Current));
        Assert.Equal(State.SUCCESS, execution.StateOf("ran"));
        Assert.Equal(State.FAILED, execution.StateOf("broken"));
        Assert.Equal(State.FAILED, execution.State.Current);
    }

    [Fact]
    public async Task Dag_RunsEachTaskAfterItsDependencies()
    {
        var execution = await engine.RunAsync("""
            id: dag
            namespace: tests
            tasks:
              - id: graph
                type: io.kestra.plugin.core.flow.Dag
                tasks:
                  - task:
                      id: last
                      type: io.kestra.plugin.core.debug.Return
                      format: "{{ outputs.first.value }}+{{ outputs.second.value }}"
                    dependsOn: [first, second]
                  - task:
                      id: first
                      type: io.kestra.plugin.core.debug.Return
                      format: "1"
                  - task:
                      id: second
                      type: io.kestra.plugin.core.debug.Return
                      format: "{{ outputs.first.value }}2"
                    dependsOn: [first]
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Equal(["graph", "first", "second", "last"], execution.TaskIds());
        Assert.Equal("1+12", execution.Run("last").Outputs!["value"]);
    }
}

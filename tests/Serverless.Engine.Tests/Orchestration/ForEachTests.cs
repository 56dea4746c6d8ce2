using Serverless.Engine.Executions;
using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Orchestration;

[Collection(EngineCollection.Name)]
public sealed class ForEachTests(EngineFixture engine)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(0)]
    public async Task ForEach_GivesEachIterationItsOwnTaskRuns_AndKeysOutputsByValue(int concurrencyLimit)
    {
        var execution = await engine.RunAsync($$$"""
            id: each
            namespace: tests
            tasks:
              - id: loop
                type: io.kestra.plugin.core.flow.ForEach
                values: ["a", "b", "c"]
                concurrencyLimit: {{{concurrencyLimit}}}
                tasks:
                  - id: child
                    type: io.kestra.plugin.core.debug.Return
                    format: "{{ taskrun.value }}#{{ taskrun.iteration }}"
              - id: after
                type: io.kestra.plugin.core.debug.Return
                format: "{{ outputs.child['b'].value }}"
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        var children = execution.Runs("child");
        Assert.Equal(["a", "b", "c"], children.Select(r => r.Value).Order());
        Assert.All(children, r => Assert.Equal($"{r.Value}#{r.Iteration}", r.Outputs!["value"]));
        Assert.Equal("b#1", execution.Run("after").Outputs!["value"]);
    }

    [Fact]
    public async Task ForEach_ValuesFromAnExpression_AndNestedLoopsSeeTheirParentValue()
    {
        var execution = await engine.RunAsync("""
            id: nested
            namespace: tests
            inputs:
              - id: outer
                type: JSON
                defaults: '["x", "y"]'
            tasks:
              - id: outer-loop
                type: io.kestra.plugin.core.flow.ForEach
                values: "{{ inputs.outer }}"
                tasks:
                  - id: inner-loop
                    type: io.kestra.plugin.core.flow.ForEach
                    values: '[1, 2]'
                    tasks:
                      - id: leaf
                        type: io.kestra.plugin.core.debug.Return
                        format: "{{ parent.taskrun.value }}/{{ taskrun.value }}"
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Equal(["x/1", "x/2", "y/1", "y/2"], execution.Runs("leaf").Select(r => (string)r.Outputs!["value"]!).Order());
        Assert.Equal(2, execution.Runs("inner-loop").Count);
    }

    [Fact]
    public async Task ForEach_IterationFailure_FailsTheLoop()
    {
        var execution = await engine.RunAsync("""
            id: each-fail
            namespace: tests
            tasks:
              - id: loop
                type: io.kestra.plugin.core.flow.ForEach
                values: [1, 2, 3]
                tasks:
                  - id: check
                    type: io.kestra.plugin.core.execution.Fail
                    condition: "{{ taskrun.value == '2' }}"
            """);

        Assert.Equal(State.FAILED, execution.StateOf("loop"));
        Assert.Equal(2, execution.Runs("check").Count);
    }

    [Fact]
    public async Task EachParallel_LegacyAlias_RunsLikeForEach()
    {
        var execution = await engine.RunAsync("""
            id: legacy
            namespace: tests
            tasks:
              - id: loop
                type: io.kestra.core.tasks.flows.EachParallel
                value: ["a", "b"]
                tasks:
                  - id: child
                    type: io.kestra.core.tasks.debug.Return
                    format: "{{ taskrun.value }}"
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Equal(2, execution.Runs("child").Count);
    }
}

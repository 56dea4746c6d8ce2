using Serverless.Engine.Executions;
using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Tasks.Flow;

/// <summary>
/// Loop: one iteration per value (list, JSON array, map), children read <c>item.*</c>; failures fail the Loop
/// unless <c>transmitFailed: false</c>.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class LoopTests(EngineFixture engine)
{
    [Fact]
    public async Task Loop_OverAList_RunsChildrenPerValue_WithItemValueAndIndex()
    {
        var execution = await engine.RunAsync("""
            id: loop-list
            namespace: tests
            tasks:
              - id: loop
                type: io.kestra.plugin.core.flow.Loop
                values: [a, b, c]
                tasks:
                  - id: inner
                    type: io.kestra.plugin.core.debug.Return
                    format: "{{ item.value }}{{ item.index }}"
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Equal(["a0", "b1", "c2"], execution.Runs("inner").Select(r => r.Outputs!["value"]).Order());
        Assert.Equal(3L, execution.Run("loop").Outputs!["iterationCount"]);
    }

    [Fact]
    public async Task NestedLoops_OverAMapAndAJsonArray_SeeKeyAndParentItem()
    {
        var execution = await engine.RunAsync("""
            id: loop-map
            namespace: tests
            tasks:
              - id: outer
                type: io.kestra.plugin.core.flow.Loop
                values: {k1: v1, k2: v2}
                tasks:
                  - id: inner
                    type: io.kestra.plugin.core.flow.Loop
                    values: '["x", "y"]'
                    concurrencyLimit: 1
                    tasks:
                      - id: leaf
                        type: io.kestra.plugin.core.debug.Return
                        format: "{{ item.parent.key }}={{ item.parents[0].value }}/{{ item.value }}"
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Equal(["k1=v1/x", "k1=v1/y", "k2=v2/x", "k2=v2/y"], execution.Runs("leaf").Select(r => r.Outputs!["value"]).Order());
    }

    [Theory]
    [InlineData(true, State.FAILED, 1)]
    [InlineData(false, State.SUCCESS, 2)]
    public async Task Loop_FailingIteration_FailsTheLoopOnlyWhenTransmitted(bool transmit, State expected, int afterRuns)
    {
        var execution = await engine.RunAsync($$$"""
            id: loop-fail
            namespace: tests
            tasks:
              - id: loop
                type: io.kestra.plugin.core.flow.Loop
                values: [1, 2, 3]
                concurrencyLimit: 1
                transmitFailed: {{{(transmit ? "true" : "false")}}}
                tasks:
                  - id: maybe
                    type: io.kestra.plugin.core.execution.Fail
                    condition: "{{ item.value == '2' }}"
                  - id: after
                    type: io.kestra.plugin.core.log.Log
                    message: "{{ item.value }}"
            """);

        Assert.Equal(expected, execution.State.Current);
        Assert.Equal(afterRuns, execution.Runs("after").Count);
    }
}

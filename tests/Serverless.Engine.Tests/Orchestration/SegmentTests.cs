using System.Text;
using Serverless.Engine.Executions;
using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Orchestration;

/// <summary>
/// Long sequences and wide loops run in slices (sub-orchestrations with short histories); what users see must
/// not change: every task run, in order, with outputs visible across slice boundaries.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class SegmentTests(EngineFixture engine)
{
    [Fact]
    public async Task LongSequence_RunsEveryTaskInOrder_AndLaterTasksSeeEarlierOutputs()
    {
        var yaml = new StringBuilder("id: long\nnamespace: tests\ntasks:\n  - id: t0\n    type: io.kestra.plugin.core.debug.Return\n    format: \"0\"\n");
        for (var i = 1; i < 95; i++)
        {
            yaml.Append($"  - id: t{i}\n    type: io.kestra.plugin.core.debug.Return\n    format: \"{{{{ outputs.t{i - 1}.value | number + 1 }}}}\"\n");
        }

        var execution = await engine.RunAsync(yaml.ToString());

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Equal(Enumerable.Range(0, 95).Select(i => "t" + i), execution.TaskIds());
        Assert.Equal("94", execution.Run("t94").Outputs!["value"]);
    }

    [Fact]
    public async Task LongSequence_FailureInALaterSlice_StopsTheRest_AndRunsErrors()
    {
        var yaml = new StringBuilder("id: long-fail\nnamespace: tests\ntasks:\n");
        for (var i = 0; i < 60; i++)
        {
            yaml.Append(i == 50
                ? "  - id: t50\n    type: io.kestra.plugin.core.execution.Fail\n    errorMessage: broke at fifty\n"
                : $"  - id: t{i}\n    type: io.kestra.plugin.core.log.Log\n    message: step {i}\n");
        }

        yaml.Append("errors:\n  - id: handler\n    type: io.kestra.plugin.core.debug.Return\n    format: \"{{ errorLogs()[0].message }}\"\n");

        var execution = await engine.RunAsync(yaml.ToString());

        Assert.Equal(State.FAILED, execution.State.Current);
        Assert.Equal(52, execution.TaskRunList.Count);
        Assert.Equal("broke at fifty", execution.Run("handler").Outputs!["value"]);
    }

    [Fact]
    public async Task WideForEach_RunsEveryIterationInSlices_WithOutputsKeyedByValue()
    {
        var execution = await engine.RunAsync("""
            id: wide
            namespace: tests
            tasks:
              - id: each
                type: io.kestra.plugin.core.flow.ForEach
                values: "{{ range(1, 450) }}"
                concurrencyLimit: 0
                tasks:
                  - id: child
                    type: io.kestra.plugin.core.debug.Return
                    format: "v{{ taskrun.value }}"
              - id: after
                type: io.kestra.plugin.core.debug.Return
                format: "{{ outputs.child['321'].value }} of {{ outputs.child | length }}"
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        var children = execution.Runs("child");
        Assert.Equal(450, children.Count);
        Assert.Equal(Enumerable.Range(0, 450), children.Select(r => r.Iteration!.Value).Order());
        Assert.All(children, r => Assert.Equal(execution.Run("each").Id, r.ParentTaskRunId));
        Assert.Equal("v321 of 450", execution.Run("after").Outputs!["value"]);
    }

    [Fact]
    public async Task WideForEach_OneFailingIteration_FailsTheLoop()
    {
        var execution = await engine.RunAsync("""
            id: wide-fail
            namespace: tests
            tasks:
              - id: each
                type: io.kestra.plugin.core.flow.ForEach
                values: "{{ range(1, 300) }}"
                concurrencyLimit: 0
                tasks:
                  - id: check
                    type: io.kestra.plugin.core.execution.Fail
                    condition: "{{ taskrun.value == '250' }}"
            """);

        Assert.Equal(State.FAILED, execution.StateOf("each"));
        Assert.Equal(State.FAILED, execution.State.Current);
    }

    [Fact]
    public async Task LongSequence_ExitAndLabelsInsideASlice_ApplyToTheExecution()
    {
        var yaml = new StringBuilder("id: long-exit\nnamespace: tests\ntasks:\n");
        for (var i = 0; i < 70; i++)
        {
            yaml.Append(i switch
            {
                45 => "  - id: tag\n    type: io.kestra.plugin.core.execution.Labels\n    labels:\n      reached: forty-five\n",
                46 => "  - id: stop\n    type: io.kestra.plugin.core.execution.Exit\n    state: WARNING\n",
                _ => $"  - id: t{i}\n    type: io.kestra.plugin.core.log.Log\n    message: step {i}\n",
            });
        }

        var execution = await engine.RunAsync(yaml.ToString());

        Assert.Equal(State.WARNING, execution.State.Current);
        Assert.Equal(47, execution.TaskRunList.Count);
        Assert.Contains(execution.Labels, l => l is { Key: "reached", Value: "forty-five" });
    }

    [Fact]
    public async Task LongSequence_LateSlicesSeeOutputsNamedDirectlyAndByComputedKeys()
    {
        var yaml = new StringBuilder("id: long-reads\nnamespace: tests\ntasks:\n  - id: first\n    type: io.kestra.plugin.core.debug.Return\n    format: café ☕\n");
        for (var i = 1; i < 90; i++)
        {
            yaml.Append($"  - id: t{i}\n    type: io.kestra.plugin.core.debug.Return\n    format: \"{i}\"\n");
        }

        yaml.Append("  - id: named\n    type: io.kestra.plugin.core.debug.Return\n    format: \"{{ outputs.first.value }}\"\n");
        yaml.Append("  - id: computed\n    type: io.kestra.plugin.core.debug.Return\n    format: \"{{ outputs['t' ~ 42].value }}\"\n");
        yaml.Append("  - id: counted\n    type: io.kestra.plugin.core.debug.Return\n    format: \"{{ outputs | length }}\"\n");

        var execution = await engine.RunAsync(yaml.ToString());

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Equal("café ☕", execution.Run("named").Outputs!["value"]);
        Assert.Equal("42", execution.Run("computed").Outputs!["value"]);
        Assert.Equal("92", execution.Run("counted").Outputs!["value"]);
    }

    [Fact]
    public async Task WideForEachInsideALongSequence_RunsInNestedSlices()
    {
        var yaml = new StringBuilder("id: nested-slices\nnamespace: tests\ntasks:\n");
        for (var i = 0; i < 45; i++)
        {
            yaml.Append($"  - id: t{i}\n    type: io.kestra.plugin.core.debug.Return\n    format: \"{i}\"\n");
        }

        yaml.Append("  - id: each\n    type: io.kestra.plugin.core.flow.ForEach\n    values: \"{{ range(1, 250) }}\"\n    concurrencyLimit: 0\n    tasks:\n");
        yaml.Append("      - id: child\n        type: io.kestra.plugin.core.debug.Return\n        format: \"{{ outputs.t44.value }}-{{ taskrun.value }}\"\n");

        var execution = await engine.RunAsync(yaml.ToString());

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Equal(45 + 1 + 250, execution.TaskRunList.Count);
        Assert.Contains(execution.TaskRunList, r => r.TaskId == "child" && Equals(r.Outputs?["value"], "44-250"));
    }
}

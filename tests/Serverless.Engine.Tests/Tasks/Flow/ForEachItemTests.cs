using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Tasks.Flow;

[Collection(FlowTaskCollection.Name)]
public sealed class ForEachItemTests
{
    private const string TenLines = """
          - id: write
            type: io.kestra.plugin.core.storage.Write
            extension: .txt
            content: |
              line 1
              line 2
              line 3
              line 4
              line 5
              line 6
              line 7
              line 8
              line 9
              line 10
        """;

    private readonly FlowTaskFixture _fixture;

    public ForEachItemTests(FlowTaskFixture fixture)
    {
        _fixture = fixture;
        fixture.Flows.Add("""
            id: batch
            namespace: tests.items
            inputs:
              - id: file
                type: FILE
              - id: number
                type: INT
            tasks:
              - id: count
                type: io.kestra.plugin.scripts.shell.Commands
                inputFiles:
                  batch.txt: "{{ inputs.file }}"
                commands:
                  - echo "::{\"outputs\":{\"lines\":$(wc -l < batch.txt)}}::"
              - id: content
                type: io.kestra.plugin.core.debug.Return
                format: "{{ read(inputs.file) }}"
            outputs:
              - id: number
                type: INT
                value: "{{ inputs.number }}"
              - id: lines
                type: INT
                value: "{{ outputs.count.vars.lines }}"
              - id: content
                type: STRING
                value: "{{ outputs.content.value }}"
            """);
        fixture.Flows.Add("""
            id: second_fails
            namespace: tests.items
            inputs:
              - id: number
                type: INT
            tasks:
              - id: picky
                type: io.kestra.plugin.core.execution.Fail
                condition: "{{ inputs.number == 2 }}"
                errorMessage: batch two is bad
            """);
    }

    [Fact]
    public async Task ForEachItem_TenLinesByThreeRows_RunsFourSubflowsWithTheirBatches()
    {
        var execution = await _fixture.RunAsync($$$"""
            id: items_rows
            namespace: tests.items
            tasks:
            {{{TenLines}}}
              - id: each
                type: io.kestra.plugin.core.flow.ForEachItem
                items: "{{ outputs.write.uri }}"
                batch:
                  rows: 3
                namespace: tests.items
                flowId: batch
                inputs:
                  file: "{{ taskrun.items }}"
                  number: "{{ taskrun.iteration }}"
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Equal(["write", "each"], execution.TaskIds());
        var outputs = execution.Run("each").Outputs!;
        Assert.Equal(4L, outputs["numberOfBatches"]);
        Assert.Equal(new Dictionary<string, object?> { ["SUCCESS"] = 4L }, outputs["iterations"]);
        var merged = (await _fixture.ReadInternalAsync((string)outputs["uri"]!)).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => (IReadOnlyDictionary<string, object?>)PlainValues.ParseJson(line)!)
            .ToList();
        Assert.Equal([1L, 2L, 3L, 4L], merged.Select(m => m["number"]));
        Assert.Equal([3L, 3L, 3L, 1L], merged.Select(m => m["lines"]));
        Assert.Equal("line 4\nline 5\nline 6\n", merged[1]["content"]);
        Assert.Equal("line 10\n", merged[3]["content"]);
        Assert.Equal(4, _fixture.Ended.ChildrenOf(execution.Id).Count);
    }

    [Fact]
    public async Task ForEachItem_Partitions_DealsLinesRoundRobin()
    {
        var execution = await _fixture.RunAsync($$$"""
            id: items_partitions
            namespace: tests.items
            tasks:
            {{{TenLines}}}
              - id: each
                type: io.kestra.plugin.core.flow.ForEachItem
                items: "{{ outputs.write.uri }}"
                batch:
                  partitions: 3
                namespace: tests.items
                flowId: batch
                inputs:
                  file: "{{ taskrun.items }}"
                  number: "{{ taskrun.iteration }}"
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        var children = _fixture.Ended.ChildrenOf(execution.Id).OrderBy(c => c.Outputs!["number"]).ToList();
        Assert.Equal(
            ["line 1\nline 4\nline 7\nline 10\n", "line 2\nline 5\nline 8\n", "line 3\nline 6\nline 9\n"],
            children.Select(c => c.Outputs!["content"]));
    }

    [Fact]
    public async Task ForEachItem_WithoutWait_StartsDetachedExecutions()
    {
        var execution = await _fixture.RunAsync($$$"""
            id: items_nowait
            namespace: tests.items
            tasks:
            {{{TenLines}}}
              - id: each
                type: io.kestra.plugin.core.flow.ForEachItem
                items: "{{ outputs.write.uri }}"
                batch:
                  rows: 5
                wait: false
                namespace: tests.items
                flowId: batch
                inputs:
                  file: "{{ taskrun.items }}"
                  number: "{{ taskrun.iteration }}"
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        var outputs = execution.Run("each").Outputs!;
        Assert.Equal(2L, outputs["numberOfBatches"]);
        Assert.False(outputs.ContainsKey("uri"));
        var children = await _fixture.Ended.WaitForChildrenAsync(execution.Id, 2);
        Assert.All(children, c => Assert.Equal(State.SUCCESS, c.State.Current));
        Assert.Equal([5L, 5L], children.Select(c => c.Outputs!["lines"]));
    }

    [Theory]
    [InlineData(true, State.FAILED)]
    [InlineData(false, State.SUCCESS)]
    public async Task ForEachItem_FailedSubflow_FailsOnlyWithTransmitFailed(bool transmitFailed, State expected)
    {
        var execution = await _fixture.RunAsync($$$"""
            id: items_transmit
            namespace: tests.items
            tasks:
            {{{TenLines}}}
              - id: each
                type: io.kestra.plugin.core.flow.ForEachItem
                items: "{{ outputs.write.uri }}"
                batch:
                  rows: 4
                transmitFailed: {{{(transmitFailed ? "true" : "false")}}}
                namespace: tests.items
                flowId: second_fails
                inputs:
                  number: "{{ taskrun.iteration }}"
            """);

        Assert.Equal(expected, execution.StateOf("each"));
        var outputs = execution.Run("each").Outputs!;
        Assert.Equal(new Dictionary<string, object?> { ["SUCCESS"] = 2L, ["FAILED"] = 1L }, outputs["iterations"]);
        if (transmitFailed)
        {
            Assert.StartsWith("each: 1 of 3 subflow executions failed", execution.Error, StringComparison.Ordinal);
            Assert.Contains("batch two is bad", execution.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ForEachItem_ItemsOutsideTheNamespace_FailsBeforeStartingSubflows()
    {
        var execution = await _fixture.RunAsync("""
            id: items_outside
            namespace: tests.items
            tasks:
              - id: each
                type: io.kestra.plugin.core.flow.ForEachItem
                items: "kestra:///other/ns/flow/executions/abc/file.txt"
                namespace: tests.items
                flowId: batch
            """);

        Assert.Equal(State.FAILED, execution.StateOf("each"));
        Assert.Contains("outside namespace 'tests.items'", execution.Error, StringComparison.Ordinal);
        Assert.Empty(_fixture.Ended.ChildrenOf(execution.Id));
    }
}

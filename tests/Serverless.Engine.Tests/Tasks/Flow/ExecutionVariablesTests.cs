using System.Text;
using Serverless.Engine.Executions;
using Serverless.Engine.Parsing;
using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Tasks.Flow;

/// <summary>
/// SetVariables / UnsetVariables change the execution's <c>vars</c>: later tasks, runIf conditions and later slices
/// of a long sequence see the change, and the execution reports its final variables.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class ExecutionVariablesTests(EngineFixture engine)
{
    [Fact]
    public async Task SetVariables_MergesIntoVars_LaterTasksReadThem()
    {
        var execution = await engine.RunAsync("""
            id: set-vars
            namespace: tests
            variables:
              name: World
              nested: {a: 1, b: 2}
            tasks:
              - id: set
                type: io.kestra.plugin.core.execution.SetVariables
                variables:
                  message: Hello
                  nested: {b: 3}
              - id: read
                type: io.kestra.plugin.core.debug.Return
                format: "{{ vars.message }} {{ vars.name }} {{ vars.nested.a }}{{ vars.nested.b }}"
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Equal("Hello World 13", execution.Run("read").Outputs!["value"]);
        Assert.Equal("Hello", execution.Variables!["message"]);
    }

    [Fact]
    public async Task SetVariables_OverwriteFalseOnExistingKey_Fails()
    {
        var execution = await engine.RunAsync("""
            id: set-vars-no-overwrite
            namespace: tests
            variables:
              name: World
            tasks:
              - id: set
                type: io.kestra.plugin.core.execution.SetVariables
                overwrite: false
                variables:
                  name: Other
            """);

        Assert.Equal(State.FAILED, execution.State.Current);
        Assert.Contains("name", execution.Error, StringComparison.Ordinal);
        Assert.Equal("World", execution.Variables!["name"]);
    }

    [Fact]
    public async Task UnsetThenSet_GuardedByRunIf_EndsWithTheSetValue()
    {
        var execution = await engine.RunAsync("""
            id: unset-set
            namespace: tests
            variables:
              list: []
              settings: {password: secret, user: me}
            tasks:
              - id: output
                type: io.kestra.plugin.core.output.OutputValues
                values: {data: 1}
              - id: unset
                type: io.kestra.plugin.core.execution.UnsetVariables
                variables: [list, settings.password]
              - id: set
                type: io.kestra.plugin.core.execution.SetVariables
                runIf: "{{ vars.list is not defined and outputs.output['values']['data'] == 1 }}"
                variables:
                  list: [42]
              - id: skipped
                type: io.kestra.plugin.core.execution.SetVariables
                runIf: "false"
                variables:
                  list: [1]
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Equal(State.SKIPPED, execution.StateOf("skipped"));
        Assert.Equal(new object?[] { 42L }, (IEnumerable<object?>)execution.Variables!["list"]!);
        Assert.Equal(["user"], ((IReadOnlyDictionary<string, object?>)execution.Variables["settings"]!).Keys);
    }

    [Fact]
    public async Task UnsetVariables_MissingParentMap_FailsUnlessIgnoreMissing()
    {
        const string Yaml = """
            id: unset-missing
            namespace: tests
            tasks:
              - id: unset
                type: io.kestra.plugin.core.execution.UnsetVariables
                ignoreMissing: IGNORE
                variables: [absent.key]
            """;

        Assert.Equal(State.FAILED, (await engine.RunAsync(Yaml.Replace("IGNORE", "false", StringComparison.Ordinal))).State.Current);
        Assert.Equal(State.SUCCESS, (await engine.RunAsync(Yaml.Replace("IGNORE", "true", StringComparison.Ordinal))).State.Current);
    }

    [Fact]
    public async Task SetVariables_InALongSequence_IsSeenByTasksInLaterSlices()
    {
        var yaml = new StringBuilder("id: long-vars\nnamespace: tests\nvariables:\n  step: none\ntasks:\n");
        for (var i = 0; i < 90; i++)
        {
            yaml.Append(i == 5
                ? "  - id: t5\n    type: io.kestra.plugin.core.execution.SetVariables\n    variables:\n      step: five\n"
                : $"  - id: t{i}\n    type: io.kestra.plugin.core.log.Log\n    message: step {i}\n");
        }

        yaml.Append("  - id: last\n    type: io.kestra.plugin.core.debug.Return\n    format: \"{{ vars.step }}\"\n");

        var execution = await engine.RunAsync(yaml.ToString());

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Equal("five", execution.Run("last").Outputs!["value"]);
        Assert.Equal("five", execution.Variables!["step"]);
    }

    [Fact]
    public void SetVariables_WithoutVariables_IsRejected()
    {
        var result = FlowParser.Default.Parse("""
            id: no-vars
            namespace: tests
            tasks:
              - id: set
                type: io.kestra.plugin.core.execution.SetVariables
            """);

        Assert.Contains(result.Errors, e => e.ToString().Contains("variables", StringComparison.Ordinal));
    }
}

using Serverless.Engine.Parsing;

namespace Serverless.Engine.Tests.Validation;

/// <summary>Kestra's save-time task rules: empty Switch branches, a flow calling itself, dashed ids read with a dot.</summary>
public sealed class TaskRulesTests
{
    [Fact]
    public void Parse_SwitchCaseWithoutTasks_ReportsTheCase()
    {
        var errors = Errors("""
            id: switch
            namespace: tests
            tasks:
              - id: route
                type: io.kestra.plugin.core.flow.Switch
                value: A
                cases:
                  A: []
                  B:
                    - id: b
                      type: io.kestra.plugin.core.debug.Return
                      format: B
            """);

        Assert.Equal(["7:5: route.cases.A: case 'A' has no tasks: give it at least one task or remove it"], errors);
    }

    [Fact]
    public void Parse_SwitchWithEmptyDefaults_ReportsDefaults()
    {
        var errors = Errors("""
            id: switch
            namespace: tests
            tasks:
              - id: route
                type: io.kestra.plugin.core.flow.Switch
                value: A
                cases:
                  A:
                    - id: a
                      type: io.kestra.plugin.core.debug.Return
                      format: A
                defaults: []
            """);

        Assert.Equal(["12:5: route.defaults: 'defaults' cannot be empty: give it at least one task or remove it"], errors);
    }

    [Fact]
    public void Parse_SwitchWithNullDefaults_IsValid()
    {
        var errors = Errors("""
            id: switch
            namespace: tests
            tasks:
              - id: route
                type: io.kestra.plugin.core.flow.Switch
                value: A
                cases:
                  A:
                    - id: a
                      type: io.kestra.plugin.core.debug.Return
                      format: A
                defaults: null
            """);

        Assert.Empty(errors);
    }

    [Fact]
    public void Parse_NestedLegacySubflowCallingItsOwnFlow_ReportsRecursiveCall()
    {
        var errors = Errors("""
            id: self
            namespace: tests
            tasks:
              - id: group
                type: io.kestra.plugin.core.flow.Sequential
                tasks:
                  - id: again
                    type: io.kestra.core.tasks.flows.Flow
                    namespace: tests
                    flowId: self
            """);

        Assert.Equal(
            ["10:9: tasks[0].tasks[0].flowId: recursive call to flow [tests.self]: a flow cannot start itself as a subflow; call another flow, or use a loop task (ForEach, LoopUntil) to repeat work"],
            errors);
    }

    [Theory]
    [InlineData("tests", "other")]
    [InlineData("other.team", "self")]
    [InlineData("tests", "\"{{ flow.id }}\"")]
    public void Parse_SubflowCallingAnotherOrTemplatedFlow_IsValid(string ns, string flowId)
    {
        var errors = Errors($"""
            id: self
            namespace: tests
            tasks:
              - id: child
                type: io.kestra.plugin.core.flow.Subflow
                namespace: {ns}
                flowId: {flowId}
            """);

        Assert.Empty(errors);
    }

    [Fact]
    public void Parse_DashedInputReadWithADot_ReportsBracketNotation()
    {
        var errors = Errors("""
            id: dashed
            namespace: tests
            inputs:
              - id: server-fqn
                type: STRING
                defaults: animal
            tasks:
              - id: hello
                type: io.kestra.plugin.core.log.Log
                message: "{{inputs.server-fqn}}"
            """);

        Assert.Equal(
            ["10:5: tasks[0].message: invalid input reference 'inputs.server-fqn': a '-' in an expression is a subtraction; keys with dashes need bracket notation: inputs['server-fqn']"],
            errors);
    }

    [Fact]
    public void Parse_DashedTaskOutputReadWithADot_ReportsTheTaskAndTheFlowOutput()
    {
        var errors = Errors("""
            id: dashed
            namespace: tests
            tasks:
              - id: produce-output
                type: io.kestra.plugin.core.debug.Return
                format: x
              - id: use_output
                type: io.kestra.plugin.core.log.Log
                message: "The output is {{ outputs.produce-output.value | upper }}, again {{ outputs.produce-output.value }}"
            outputs:
              - id: final
                type: STRING
                value: "{{ outputs.produce-output.value }}"
            """);

        const string Message = "invalid output reference 'outputs.produce-output': a '-' in an expression is a subtraction; keys with dashes need bracket notation: outputs['produce-output']";
        Assert.Equal([$"9:5: tasks[1].message: {Message}", $"11:5: outputs[0].value: {Message}"], errors);
    }

    [Fact]
    public void Parse_DashedIdsReadWithBracketsOrOutsideExpressions_IsValid()
    {
        var errors = Errors("""
            id: dashed
            namespace: tests
            inputs:
              - id: server-fqn
                type: STRING
                defaults: animal
            tasks:
              - id: produce-output
                type: io.kestra.plugin.core.debug.Return
                format: "{{ inputs['server-fqn'] }}"
              - id: use_output
                type: io.kestra.plugin.core.log.Log
                message: "inputs.server-fqn is {{ outputs['produce-output'].value }} and {{ inputs.server - 1 }}"
            """);

        Assert.Empty(errors);
    }

    private static List<string> Errors(string yaml) =>
        [.. FlowParser.Default.Parse(yaml).Errors.Select(e => $"{e.Position}: {e}")];
}

using Serverless.Engine.Parsing;

namespace Serverless.Engine.Tests.Validation;

/// <summary>Kestra's save-time input and trigger rules: item types, inputs a schedule must fill, precondition ids.</summary>
public sealed class InputAndTriggerRulesTests
{
    [Theory]
    [InlineData("ARRAY", "SECRET")]
    [InlineData("MULTISELECT", "ARRAY")]
    public void Parse_ListInputWithAComplexItemType_ReportsItemType(string type, string itemType)
    {
        var errors = Errors($"""
            id: items
            namespace: tests
            inputs:
              - id: list
                type: {type}
                itemType: {itemType}
            tasks:
              - id: hello
                type: io.kestra.plugin.core.log.Log
                message: "{"{{"} inputs.list {"}}"}"
            """);

        var error = Assert.Single(errors);
        Assert.StartsWith($"4:5: inputs[0].itemType: `itemType` cannot be {itemType}: the items of {type} input 'list' must be a simple type", error);
    }

    [Fact]
    public void Parse_ArrayOfIntegers_IsValid()
    {
        var errors = Errors("""
            id: items
            namespace: tests
            inputs:
              - id: list
                type: ARRAY
                itemType: INT
            tasks:
              - id: hello
                type: io.kestra.plugin.core.log.Log
                message: "{{ inputs.list }}"
            """);

        Assert.Empty(errors);
    }

    [Fact]
    public void Parse_InputValidatorThatIsNotARegularExpression_ReportsValidator()
    {
        var errors = Errors("""
            id: validator
            namespace: tests
            inputs:
              - id: name
                type: STRING
                validator: \
            tasks:
              - id: hello
                type: io.kestra.plugin.core.log.Log
                message: "{{ inputs.name }}"
            """);

        var error = Assert.Single(errors);
        Assert.StartsWith(@"4:5: inputs[0].validator: invalid regular expression '\' in `validator`: ", error);
    }

    [Fact]
    public void Parse_ScheduleOnFlowWithRequiredInputsWithoutDefaults_WarnsAboutTheMissingInputs()
    {
        var result = FlowParser.Default.Parse("""
            id: scheduled
            namespace: tests
            inputs:
              - id: user
                type: STRING
                defaults: John
              - id: user2
                type: STRING
              - id: user3
                type: INT
            tasks:
              - id: hello
                type: io.kestra.plugin.core.log.Log
                message: hi
            triggers:
              - id: every_minute
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "*/1 * * * *"
            """);

        Assert.True(result.IsValid);
        Assert.Equal(
            ["16:5: triggers[0].inputs: missing inputs for Schedule trigger 'every_minute': 'user2', 'user3' are required and have no default, so scheduled executions cannot start (Kestra 2 rejects this flow); give each a `defaults`, set `required: false`, or set them in the trigger's `inputs`"],
            result.Warnings.Select(w => $"{w.Position}: {w}"));
    }

    [Fact]
    public void Parse_ScheduleSupplyingOrNotNeedingEveryInput_HasNoWarning()
    {
        var result = FlowParser.Default.Parse("""
            id: scheduled
            namespace: tests
            inputs:
              - id: given
                type: STRING
              - id: optional
                type: STRING
                required: false
            tasks:
              - id: hello
                type: io.kestra.plugin.core.log.Log
                message: hi
            triggers:
              - id: every_minute
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "*/1 * * * *"
                inputs:
                  given: from the schedule
              - id: on_call
                type: io.kestra.plugin.core.trigger.Webhook
                key: abc
            """);

        Assert.True(result.IsValid);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Parse_FlowTriggersSharingAPreconditionsId_ReportsTheSecond()
    {
        var errors = Errors("""
            id: listener
            namespace: tests
            tasks:
              - id: hello
                type: io.kestra.plugin.core.log.Log
                message: hi
            triggers:
              - id: on_completion
                type: io.kestra.plugin.core.trigger.Flow
                preconditions:
                  id: flows
                  flows:
                    - namespace: tests
                      flowId: flow_a
                      states: [SUCCESS]
              - id: on_failure
                type: io.kestra.plugin.core.trigger.Flow
                preconditions:
                  id: flows
                  flows:
                    - namespace: tests
                      flowId: flow_a
                      states: [FAILED]
            """);

        Assert.Equal(
            ["16:5: triggers[1].preconditions.id: duplicate preconditions id 'flows' (also used by trigger 'on_completion'): give each Flow trigger's preconditions its own id"],
            errors);
    }

    [Fact]
    public void Parse_FlowTriggersWithDistinctPreconditionsIds_IsValid()
    {
        var errors = Errors("""
            id: listener
            namespace: tests
            tasks:
              - id: hello
                type: io.kestra.plugin.core.log.Log
                message: hi
            triggers:
              - id: on_completion
                type: io.kestra.plugin.core.trigger.Flow
                preconditions:
                  id: on_success
                  flows:
                    - namespace: tests
                      flowId: flow_a
              - id: on_failure
                type: io.kestra.plugin.core.trigger.Flow
                preconditions:
                  id: on_failed
                  flows:
                    - namespace: tests
                      flowId: flow_a
            """);

        Assert.Empty(errors);
    }

    private static List<string> Errors(string yaml) =>
        [.. FlowParser.Default.Parse(yaml).Errors.Select(e => $"{e.Position}: {e}")];
}

using Serverless.Engine.Executions;
using Serverless.Engine.Inputs;
using Serverless.Engine.Parsing;
using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Orchestration;

[Collection(EngineCollection.Name)]
public sealed class OutputsAndInputsTests(EngineFixture engine)
{
    [Fact]
    public async Task FlowOutputs_AreRenderedFromTaskOutputs()
    {
        var execution = await engine.RunAsync("""
            id: outputs
            namespace: tests
            tasks:
              - id: values
                type: io.kestra.plugin.core.output.OutputValues
                values:
                  answer: 42
                  name: "{{ flow.id }}"
            outputs:
              - id: answer
                type: INT
                value: "{{ outputs['values']['values'].answer }}"
              - id: whole
                type: STRING
                value: "{{ outputs['values']['values'] }}"
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Equal(42L, execution.Outputs!["answer"]);
        Assert.Equal("""{"answer":42,"name":"outputs"}""", execution.Outputs["whole"]);
    }

    [Fact]
    public async Task FlowOutput_ThatDoesNotRender_FailsTheExecution()
    {
        var execution = await engine.RunAsync("""
            id: bad-output
            namespace: tests
            tasks:
              - id: t
                type: io.kestra.plugin.core.log.Log
                message: hi
            outputs:
              - id: broken
                type: STRING
                value: "{{ outputs.nope.value }}"
            """);

        Assert.Equal(State.FAILED, execution.State.Current);
        Assert.Contains("broken", execution.Error);
    }

    [Fact]
    public async Task Inputs_DefaultsAndTypes_ReachExpressions()
    {
        var execution = await engine.RunAsync("""
            id: inputs
            namespace: tests
            inputs:
              - id: count
                type: INT
                defaults: 2
              - id: enabled
                type: BOOLEAN
              - id: who
                type: STRING
                defaults: "n{{ inputs.count }}"
            tasks:
              - id: show
                type: io.kestra.plugin.core.debug.Return
                format: "{{ inputs.count + 1 }} {{ inputs.enabled }} {{ inputs.who }}"
            """, new Dictionary<string, object?> { ["enabled"] = "true" });

        Assert.Equal("3 true n2", execution.Run("show").Outputs!["value"]);
        Assert.Equal(2L, execution.Inputs!["count"]);
    }

    [Fact]
    public async Task Inputs_MissingRequiredOrBadValue_RejectedBeforeStart_NamingTheInput()
    {
        var flow = FlowParser.Default.ParseValid("""
            id: strict
            namespace: tests
            inputs:
              - id: count
                type: INT
                min: 1
              - id: mail
                type: EMAIL
            tasks:
              - id: t
                type: io.kestra.plugin.core.log.Log
                message: hi
            """);

        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            engine.Engine.Executions.StartAsync(flow, new Dictionary<string, object?> { ["count"] = "0" }));

        Assert.Contains(error.Errors, e => e.InputId == "count" && e.Message.Contains("minimum"));
        Assert.Contains(error.Errors, e => e.InputId == "mail" && e.Message.Contains("missing required"));
    }

    [Fact]
    public async Task PluginDefaults_FillPropertiesOfMatchingTypes()
    {
        var execution = await engine.RunAsync("""
            id: defaults
            namespace: tests
            pluginDefaults:
              - type: io.kestra.plugin.core.debug
                values:
                  format: from defaults
            tasks:
              - id: uses-default
                type: io.kestra.plugin.core.debug.Return
              - id: own-value
                type: io.kestra.plugin.core.debug.Return
                format: mine
            """);

        Assert.Equal("from defaults", execution.Run("uses-default").Outputs!["value"]);
        Assert.Equal("mine", execution.Run("own-value").Outputs!["value"]);
    }

    [Fact]
    public async Task Log_WritesEachMessageAtItsLevel()
    {
        var execution = await engine.RunAsync("""
            id: logs
            namespace: tests
            tasks:
              - id: say
                type: io.kestra.plugin.core.log.Log
                level: WARN
                message:
                  - "first {{ flow.namespace }}"
                  - second
            """);

        var lines = engine.Logs.For(execution.Id);
        Assert.Equal(["first tests", "second"], lines.Select(l => l.Message));
        Assert.All(lines, l => Assert.Equal("WARN", l.Level));
    }
}

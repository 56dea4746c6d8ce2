using Serverless.Engine.Executions;
using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Tasks;

/// <summary>Random expression functions: in runnable task properties only (the worker renders them).</summary>
[Collection(TaskEngineCollection.Name)]
public sealed class RandomFunctionTests(TaskEngineFixture fixture)
{
    [Fact]
    public async Task RandomFunctions_InRunnableTask_ProduceValuesOfTheRightShape()
    {
        var execution = await fixture.RunAsync("""
            id: random_functions
            namespace: random.tests
            tasks:
              - id: values
                type: io.kestra.plugin.core.output.OutputValues
                values:
                  uuid: "{{ uuid() }}"
                  id: "{{ id() }}"
                  nano: "{{ nanoId(length=8, alphabet='ab') }}"
                  int: "{{ randomInt(5, 6) }}"
                  other: "{{ uuid() }}"
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        var values = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(execution.Run("values").Outputs!["values"]);
        Assert.True(Guid.TryParse((string)values["uuid"]!, out _));
        Assert.NotEqual(values["uuid"], values["other"]);
        Assert.Matches("^[0-9A-Za-z]{22}$", (string)values["id"]!);
        Assert.Matches("^[ab]{8}$", (string)values["nano"]!);
        Assert.Equal("5", values["int"]?.ToString());
    }

    [Fact]
    public async Task RandomFunction_InFlowableCondition_FailsWithAnExplanation()
    {
        var execution = await fixture.RunAsync("""
            id: random_in_if
            namespace: random.tests
            tasks:
              - id: branch
                type: io.kestra.plugin.core.flow.If
                condition: "{{ randomInt(0, 2) == 1 }}"
                then:
                  - id: never
                    type: io.kestra.plugin.core.log.Log
                    message: no
            """);

        Assert.Equal(State.FAILED, execution.State.Current);
        Assert.Contains("randomInt() gives a new value on each call", execution.Error, StringComparison.Ordinal);
        Assert.Empty(execution.Runs("never"));
    }
}

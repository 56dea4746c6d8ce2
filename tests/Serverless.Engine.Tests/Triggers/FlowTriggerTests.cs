using Serverless.Engine.Executions;
using Serverless.Engine.Flows;
using Serverless.Engine.Parsing;
using Serverless.Engine.Triggers;

namespace Serverless.Engine.Tests.Triggers;

public sealed class FlowTriggerTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("SUCCESS", true)]
    [InlineData("FAILED", true)]
    [InlineData("RUNNING", false)]
    public void Match_NoStateFilter_FiresOnTerminalStates(string state, bool fires)
    {
        var listener = Listener("""
            conditions:
              - type: io.kestra.plugin.core.condition.ExecutionFlowCondition
                namespace: company.team
                flowId: upstream
            """);

        Assert.Equal(fires, FlowTriggerListener.Match([listener], Ended("company.team", "upstream", Enum.Parse<State>(state)), Now).Count == 1);
    }

    [Theory]
    [InlineData("company.team", "SUCCESS", true)]
    [InlineData("company.team.sub", "FAILED", true)]
    [InlineData("company", "SUCCESS", false)]
    [InlineData("company.teamster", "SUCCESS", false)]
    [InlineData("company.team", "WARNING", false)]
    public void Match_NamespacePrefixAndStatus_AllMustHold(string ns, string state, bool fires)
    {
        var listener = Listener("""
            conditions:
              - type: io.kestra.plugin.core.condition.ExecutionNamespaceCondition
                namespace: company.team
                comparison: PREFIX
              - type: io.kestra.plugin.core.condition.ExecutionStatusCondition
                in: [SUCCESS, FAILED]
            """);
        var matched = FlowTriggerListener.Match([listener], Ended(ns, "upstream", Enum.Parse<State>(state)), Now).Count == 1;

        Assert.Equal(fires, matched);
    }

    [Theory]
    [InlineData("upstream", "FAILED", true)]
    [InlineData("upstream", "SUCCESS", false)]
    [InlineData("unrelated", "FAILED", false)]
    public void Match_PreconditionFlows_FilterByFlowAndStates(string flowId, string state, bool fires)
    {
        var listener = Listener("""
            preconditions:
              id: upstream_failed
              flows:
                - namespace: company.team
                  flowId: upstream
                  states: [FAILED]
            """);

        Assert.Equal(fires, FlowTriggerListener.Match([listener], Ended("company.team", flowId, Enum.Parse<State>(state)), Now).Count == 1);
    }

    [Fact]
    public void Match_Inputs_RenderedWithTriggerVariables()
    {
        var listener = Listener("""
            inputs:
              upstreamId: "{{ trigger.executionId }}"
              answer: "{{ trigger.outputs.answer }}"
            conditions:
              - type: io.kestra.plugin.core.condition.ExecutionFlowCondition
                namespace: company.team
                flowId: upstream
            """);
        var ended = Ended("company.team", "upstream", State.SUCCESS) with { Outputs = new Dictionary<string, object?> { ["answer"] = 42L } };

        var match = Assert.Single(FlowTriggerListener.Match([listener], ended, Now));

        Assert.Equal(("up-1", 42L), (match.Inputs["upstreamId"], match.Inputs["answer"]));
        Assert.Equal(("up-1", "company.team", "upstream", "SUCCESS"), (match.Options.Trigger!["executionId"], match.Options.Trigger["namespace"], match.Options.Trigger["flowId"], match.Options.Trigger["state"]));
        Assert.Equal(TriggerExecutionIds.From("flow", "company.team", "listener", "on_upstream", "up-1"), match.Options.ExecutionId);
    }

    [Fact]
    public void Match_UnknownConditionType_NeverFires()
    {
        var listener = Listener("""
            conditions:
              - type: io.kestra.plugin.core.condition.DayWeekCondition
                dayOfWeek: MONDAY
            """);

        Assert.Empty(FlowTriggerListener.Match([listener], Ended("company.team", "upstream", State.SUCCESS), Now));
    }

    internal static Execution Ended(string ns, string flowId, State state) => new()
    {
        Id = "up-1",
        Namespace = ns,
        FlowId = flowId,
        State = StateInfo.Of(state, Now),
    };

    private static Flow Listener(string trigger) => FlowParser.Default.ParseValid($"""
        id: listener
        namespace: company.team
        inputs:
          - id: upstreamId
            type: STRING
            required: false
          - id: answer
            type: INT
            required: false
        tasks:
          - id: hello
            type: io.kestra.plugin.core.log.Log
            message: hi
        triggers:
          - id: on_upstream
            type: io.kestra.plugin.core.trigger.Flow
        {string.Join("\n", trigger.Split('\n').Select(l => "    " + l))}
        """);
}

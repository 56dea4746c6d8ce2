using Microsoft.Extensions.DependencyInjection;
using Serverless.Durable.Embedded;
using Serverless.Engine.Executions;
using Serverless.Engine.Flows;
using Serverless.Engine.Parsing;
using Serverless.Engine.Triggers;

namespace Serverless.Engine.Tests.Triggers;

/// <summary>A Flow trigger on the real embedded engine: the listener runs in the ExecutionEnded activity.</summary>
public sealed class FlowTriggerEndToEndTests
{
    private static readonly Flow Upstream = FlowParser.Default.ParseValid("""
        id: upstream
        namespace: company.team
        tasks:
          - id: answer
            type: io.kestra.plugin.core.debug.Return
            format: "42"
        outputs:
          - id: answer
            type: STRING
            value: "{{ outputs.answer.value }}"
        """);

    private static readonly Flow Downstream = FlowParser.Default.ParseValid("""
        id: downstream
        namespace: company.team
        inputs:
          - id: answer
            type: STRING
        tasks:
          - id: echo
            type: io.kestra.plugin.core.debug.Return
            format: "got {{ inputs.answer }} from {{ trigger.flowId }}"
        triggers:
          - id: after_upstream
            type: io.kestra.plugin.core.trigger.Flow
            inputs:
              answer: "{{ trigger.outputs.answer }}"
            conditions:
              - type: io.kestra.plugin.core.condition.ExecutionFlowCondition
                namespace: company.team
                flowId: upstream
              - type: io.kestra.plugin.core.condition.ExecutionStatusCondition
                in: [SUCCESS]
        """);

    [Fact]
    public async Task UpstreamSucceeds_DownstreamStartsOnceWithTriggerVariables()
    {
        await using var engine = await EmbeddedEngine.StartAsync(configure: services =>
        {
            services.AddSingleton<IFlowSource>(new StaticFlowSource([Upstream, Downstream]));
            services.AddFlowTriggers();
        });

        var upstreamId = await engine.Executions.StartAsync(Upstream, new Dictionary<string, object?>());
        await engine.Executions.WaitAsync(upstreamId);
        var downstream = await engine.Executions.WaitAsync(TriggerExecutionIds.From("flow", "company.team", "downstream", "after_upstream", upstreamId));

        Assert.Equal(State.SUCCESS, downstream.State.Current);
        Assert.Equal("got 42 from upstream", downstream.TaskRunList.Single().Outputs!["value"]);
        Assert.Equal(upstreamId, downstream.Trigger!["executionId"]);
    }
}

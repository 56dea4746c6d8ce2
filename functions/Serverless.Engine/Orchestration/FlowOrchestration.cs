using Microsoft.DurableTask;
using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Tasks;

namespace Serverless.Engine.Orchestration;

/// <summary>
/// The orchestration that runs one execution of a flow. The same class runs embedded and in Azure Functions
/// (where a thin <c>[Function]</c> wrapper calls it), with the host's task types (<see cref="FlowCache"/>).
/// </summary>
public sealed class FlowOrchestration : TaskOrchestrator<ExecutionRequest, Execution>
{
    private readonly FlowCache flows;

    /// <summary>With the built-in task types: for workers whose services do not come from <c>AddFlowEngine</c>.</summary>
    public FlowOrchestration()
        : this(FlowCache.BuiltIn)
    {
    }

    public FlowOrchestration(FlowCache flows) => this.flows = flows ?? throw new ArgumentNullException(nameof(flows));

    public override Task<Execution> RunAsync(TaskOrchestrationContext context, ExecutionRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var flow = flows.Get(input.FlowSource);
        return new ExecutionRunner(context, input, flow, flows).RunAsync();
    }
}

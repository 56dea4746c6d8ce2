using Microsoft.DurableTask;
using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Tasks;

namespace Serverless.Engine.Orchestration;

/// <summary>
/// The orchestration that runs one execution of a flow. The same class runs embedded and in Azure Functions
/// (where a thin <c>[Function]</c> wrapper calls it), with the host's task types (<see cref="FlowCache"/>).
/// </summary>
public sealed class FlowOrchestration(FlowCache flows) : TaskOrchestrator<ExecutionRequest, Execution>
{
    public override Task<Execution> RunAsync(TaskOrchestrationContext context, ExecutionRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var flow = flows.Get(input.FlowSource);
        return new ExecutionRunner(context, input, flow, flows).RunAsync();
    }
}

using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Orchestration;

namespace Serverless.Functions.Orchestration;

/// <summary>
/// The flow orchestration as a Durable Functions orchestrator: a thin wrapper, the interpreter is the
/// engine's <see cref="FlowOrchestration"/>, exactly as the embedded host runs it.
/// </summary>
public sealed class FlowOrchestrationFunction(FlowCache flows)
{
    [Function(OrchestrationNames.Flow)]
    public Task<Execution> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new FlowOrchestration(flows).RunAsync(context, context.GetInput<ExecutionRequest>()!);
    }
}

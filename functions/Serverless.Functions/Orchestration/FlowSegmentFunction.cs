using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Serverless.Engine.Contracts;
using Serverless.Engine.Orchestration;

namespace Serverless.Functions.Orchestration;

/// <summary>
/// The segment orchestration (a slice of a long sequence or wide ForEach) as a Durable Functions orchestrator;
/// it keeps each history short, which also keeps executions under Azure's history and payload limits.
/// </summary>
public sealed class FlowSegmentFunction(FlowCache flows)
{
    [Function(OrchestrationNames.Segment)]
    public Task<SegmentResult> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new FlowSegmentOrchestration(flows).RunAsync(context, context.GetInput<SegmentRequest>()!);
    }
}

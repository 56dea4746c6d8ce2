using Microsoft.DurableTask;
using Serverless.Engine.Contracts;
using Serverless.Engine.Tasks;

namespace Serverless.Engine.Orchestration;

/// <summary>
/// Runs a slice of an execution (part of a long sequence, or a batch of ForEach iterations) with a history of
/// its own, and returns the task runs and outputs it produced to the execution's orchestration.
/// </summary>
public sealed class FlowSegmentOrchestration : TaskOrchestrator<SegmentRequest, SegmentResult>
{
    private readonly FlowCache flows;

    /// <summary>With the built-in task types: for workers whose services do not come from <c>AddFlowEngine</c>.</summary>
    public FlowSegmentOrchestration()
        : this(FlowCache.BuiltIn)
    {
    }

    public FlowSegmentOrchestration(FlowCache flows) => this.flows = flows ?? throw new ArgumentNullException(nameof(flows));

    public override Task<SegmentResult> RunAsync(TaskOrchestrationContext context, SegmentRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return ExecutionRunner.RunSegmentAsync(context, input, flows);
    }
}

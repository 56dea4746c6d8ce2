using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Flows;

namespace Serverless.Engine.Triggers;

/// <summary>The execution record of a request that has not run a task yet (CREATED, QUEUED, or turned away).</summary>
public static class StartRecords
{
    public static Execution Of(Flow flow, ExecutionRequest request, State state, DateTimeOffset at, string? error = null)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(request);
        return new Execution
        {
            Id = request.ExecutionId,
            Namespace = flow.Namespace,
            FlowId = flow.Id,
            FlowRevision = flow.Revision,
            State = StateInfo.Of(State.CREATED, at).To(state, at),
            Inputs = request.Inputs,
            Labels = request.Labels,
            Trigger = request.Trigger,
            ParentId = request.ParentExecutionId,
            Error = error,
        };
    }
}

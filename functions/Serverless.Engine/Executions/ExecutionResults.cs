using System.Text.Json;
using Microsoft.DurableTask.Client;
using Serverless.Engine.Contracts;
using Serverless.Engine.Orchestration;

namespace Serverless.Engine.Executions;

/// <summary>Reads an execution from orchestration metadata, whatever state the orchestration is in.</summary>
public static class ExecutionResults
{
    /// <summary>The live progress the orchestration publishes as its custom status (written with <see cref="WireJson"/>).</summary>
    public static ProgressSnapshot? Progress(OrchestrationMetadata? metadata) =>
        metadata?.SerializedCustomStatus is { } status ? JsonSerializer.Deserialize<ProgressSnapshot>(status, WireJson.Options) : null;

    public static Execution From(OrchestrationMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed && metadata.SerializedOutput is not null)
        {
            return metadata.ReadOutputAs<Execution>()!;
        }

        var progress = Progress(metadata);
        var state = metadata.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Terminated => State.KILLED,
            OrchestrationRuntimeStatus.Failed => State.FAILED,
            OrchestrationRuntimeStatus.Pending => State.CREATED,
            OrchestrationRuntimeStatus.Suspended => State.PAUSED,
            _ => progress?.State ?? State.RUNNING,
        };
        var created = metadata.CreatedAt;
        return new Execution
        {
            Id = metadata.InstanceId,
            Namespace = "",
            FlowId = metadata.Name,
            State = StateInfo.Of(State.CREATED, created).To(state, metadata.LastUpdatedAt),
            TaskRunList = progress?.Recent.Select(p => new TaskRun
            {
                Id = p.Id,
                ExecutionId = metadata.InstanceId,
                Namespace = "",
                FlowId = "",
                TaskId = p.TaskId,
                Value = p.Value,
                State = StateInfo.Of(p.State, p.StartDate ?? created),
            }).ToList() ?? [],
            Error = metadata.FailureDetails?.ErrorMessage,
        };
    }
}

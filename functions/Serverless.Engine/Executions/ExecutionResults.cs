using System.Text.Json;
using Microsoft.DurableTask.Client;
using Serverless.Engine.Contracts;
using Serverless.Engine.Orchestration;

namespace Serverless.Engine.Executions;

/// <summary>
/// Reads an execution from its Durable instance, whatever state the orchestration is in. The output and the
/// custom status are read with <see cref="WireJson.Options"/> (case-insensitive), whatever data converter the
/// host's client uses. A running instance yields its state and recent task runs; namespace and flow come from
/// the execution record.
/// </summary>
public static class ExecutionResults
{
    /// <summary>The live progress the orchestration publishes as its custom status.</summary>
    public static ProgressSnapshot? Progress(OrchestrationMetadata? metadata) => TryRead<ProgressSnapshot>(metadata?.SerializedCustomStatus);

    public static Execution From(OrchestrationMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed && TryRead<Execution>(metadata.SerializedOutput) is { } output)
        {
            return output;
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
            FlowId = "",
            State = StateInfo.Of(State.CREATED, created).To(state, metadata.LastUpdatedAt),
            TaskRunList = progress?.Recent?.Select(p => new TaskRun
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

    private static T? TryRead<T>(string? json)
        where T : class
    {
        try
        {
            return json is null ? null : JsonSerializer.Deserialize<T>(json, WireJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

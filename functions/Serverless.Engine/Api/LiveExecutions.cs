using System.Text.Json;
using Microsoft.DurableTask.Client;
using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Orchestration;

namespace Serverless.Engine.Api;

/// <summary>
/// Reads an execution from its Durable instance with the wire JSON options (the output and the custom status
/// are written with <see cref="WireJson.Options"/>, so they are read with them too, whatever data converter the
/// host's client uses). A running instance yields its state and recent task runs; namespace and flow come
/// from the execution record.
/// </summary>
internal static class LiveExecutions
{
    public static async Task<Execution?> ReadAsync(DurableTaskClient client, string executionId, CancellationToken ct)
    {
        var metadata = await client.GetInstanceAsync(executionId, getInputsAndOutputs: true, ct);
        return metadata is null ? null : From(metadata);
    }

    public static Execution From(OrchestrationMetadata metadata)
    {
        if (metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed && TryRead<Execution>(metadata.SerializedOutput) is { } output)
        {
            return output;
        }

        var progress = TryRead<ProgressSnapshot>(metadata.SerializedCustomStatus);
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

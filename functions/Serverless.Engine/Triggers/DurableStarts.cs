using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Serverless.Engine.Contracts;
using Serverless.Engine.Orchestration;

namespace Serverless.Engine.Triggers;

/// <summary>Scheduling a flow orchestration where "this id already exists" means done, not failed.</summary>
/// <remarks>
/// Durable backends differ on a duplicate instance id: Azure Storage and the embedded backend reject it
/// while the first instance is pending or running, but <em>replace</em> an instance that has ended. So
/// callers that must never run an id twice look it up first (<see cref="ExistsAsync"/>), and the
/// rejection of a concurrent duplicate is swallowed here.
/// </remarks>
public static class DurableStarts
{
    /// <summary>Whether Durable knows the id in any status (pending, running or ended).</summary>
    public static async Task<bool> ExistsAsync(DurableTaskClient client, string executionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return await client.GetInstanceAsync(executionId, getInputsAndOutputs: false, cancellationToken) is not null;
    }

    /// <summary>Schedules the orchestration; false when the backend says the instance already exists.</summary>
    public static async Task<bool> ScheduleAsync(DurableTaskClient client, ExecutionRequest request, DateTimeOffset? startAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(OrchestrationNames.Flow, request, new StartOrchestrationOptions(request.ExecutionId, startAt), cancellationToken);
            return true;
        }
        catch (Exception e) when (IsAlreadyExists(e))
        {
            return false;
        }
    }

    /// <summary>
    /// Whether <paramref name="exception"/> is a backend's "instance already exists": a gRPC
    /// <c>AlreadyExists</c> status from the sidecar or the Functions host (matched by text, so the engine
    /// needs no gRPC reference), or the in-process exception types.
    /// </summary>
    public static bool IsAlreadyExists(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e.GetType().Name == "OrchestrationAlreadyExistsException"
                || e.Message.Contains("AlreadyExists", StringComparison.Ordinal)
                || e.Message.Contains("already exists", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

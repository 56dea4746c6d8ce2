using Microsoft.DurableTask.Client;
using Serverless.Engine.Executions;

namespace Serverless.Api;

/// <summary>Reads an execution from its Durable instance (see <see cref="ExecutionResults"/>).</summary>
internal static class LiveExecutions
{
    public static async Task<Execution?> ReadAsync(DurableTaskClient client, string executionId, CancellationToken ct)
    {
        var metadata = await client.GetInstanceAsync(executionId, getInputsAndOutputs: true, ct);
        return metadata is null ? null : From(metadata);
    }

    public static Execution From(OrchestrationMetadata metadata) => ExecutionResults.From(metadata);
}

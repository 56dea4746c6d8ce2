using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Serverless.Engine.Contracts;
using Serverless.Engine.Orchestration;

namespace Serverless.Engine.Activities;

/// <summary>Starts detached executions through a Durable Task client; a second start of the same id is ignored.</summary>
public sealed class ClientExecutionStarter(DurableTaskClient client) : IExecutionStarter
{
    public async Task StartAsync(ExecutionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await client.GetInstanceAsync(request.ExecutionId, cancellationToken) is not null)
        {
            return;
        }

        // Checked first because activities run at least once: a retried attempt finds the execution it started.
        await client.ScheduleNewOrchestrationInstanceAsync(OrchestrationNames.Flow, request, new StartOrchestrationOptions(request.ExecutionId), cancellationToken);
    }
}

using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Engine.Activities;
using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Flows;
using Serverless.Engine.Orchestration;
using Serverless.Engine.Storage;
using Serverless.Functions.Configuration;

namespace Serverless.Functions.Orchestration;

/// <summary>
/// The engine's activities as Durable Functions activities, hand-written because the DurableTask source
/// generator is not available here. Each one only delegates: the logic is the engine's, shared with the
/// embedded host. Activities run at least once; the engine's are written for that.
/// </summary>
public sealed class TaskActivityFunctions(
    TaskExecutor executor,
    IEnumerable<IExecutionListener> listeners,
    IEnumerable<IFlowResolver> resolvers,
    IServiceProvider services,
    IExecutionStarter starter,
    FunctionsDurableClientSource clients,
    StorageFaults faults,
    ILogger<ExecutionEndedActivity> endedLogger)
{
    [Function(OrchestrationNames.RunTask)]
    public Task<TaskResult> RunTaskAsync([ActivityTrigger] TaskRequest request, CancellationToken cancellationToken) =>
        executor.RunAsync(request, cancellationToken);

    [Function(OrchestrationNames.RunTaskGroup)]
    public Task<TaskGroupResult> RunTaskGroupAsync([ActivityTrigger] TaskGroupRequest request, CancellationToken cancellationToken) =>
        executor.RunGroupAsync(request, cancellationToken);

    [Function(OrchestrationNames.SplitItems)]
    public Task<SplitItemsResult> SplitItemsAsync([ActivityTrigger] SplitItemsRequest request) =>
        new SplitItemsActivity(services).RunAsync(Context(OrchestrationNames.SplitItems, request.ExecutionId), request);

    [Function(OrchestrationNames.MergeItemOutputs)]
    public Task<string?> MergeItemOutputsAsync([ActivityTrigger] MergeItemOutputsRequest request) =>
        new MergeItemOutputsActivity(services).RunAsync(Context(OrchestrationNames.MergeItemOutputs, request.ExecutionId), request);

    [Function(OrchestrationNames.ExecutionEnded)]
    public Task<bool> ExecutionEndedAsync([ActivityTrigger] Execution execution, [DurableClient] DurableTaskClient client)
    {
        // Listeners start flows (Flow triggers, queued executions): they need the bound client.
        clients.Use(client);
        return new ExecutionEndedActivity(listeners, faults, endedLogger).RunAsync(Context(OrchestrationNames.ExecutionEnded, execution.Id), execution);
    }

    [Function(OrchestrationNames.ResolveFlow)]
    public Task<ResolvedFlow?> ResolveFlowAsync([ActivityTrigger] FlowReference reference) =>
        new ResolveFlowActivity(resolvers).RunAsync(Context(OrchestrationNames.ResolveFlow, ""), reference);

    [Function(OrchestrationNames.StartExecution)]
    public Task<string> StartExecutionAsync([ActivityTrigger] ExecutionRequest request, [DurableClient] DurableTaskClient client)
    {
        clients.Use(client);
        return new StartExecutionActivity(starter).RunAsync(Context(OrchestrationNames.StartExecution, request.ExecutionId), request);
    }

    [Function(OrchestrationNames.SaveTaskRuns)]
    public Task<bool> SaveTaskRunsAsync([ActivityTrigger] TaskRunChunk chunk) =>
        new SaveTaskRunsActivity(services.GetRequiredService<IInternalStorage>()).RunAsync(Context(OrchestrationNames.SaveTaskRuns, chunk.ExecutionId), chunk);

    private static FunctionActivityContext Context(string name, string instanceId) => new(name, instanceId);
}

using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Engine.Activities;
using Serverless.Engine.Logs;
using Serverless.Engine.Orchestration;
using Serverless.Engine.Parsing;
using Serverless.Engine.Storage;
using Serverless.Engine.Tasks;
using Serverless.Engine.Tasks.Http;
using Serverless.Engine.Triggers;

namespace Serverless.Engine.Hosting;

/// <summary>Wires the engine into a host: services its activities need, and its durable functions.</summary>
public static class EngineServiceCollectionExtensions
{
    /// <summary>Registers the engine's services. Hosts may register their own log sink or functions first.</summary>
    public static IServiceCollection AddFlowEngine(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TaskTypeRegistry.BuiltIn);
        services.TryAddSingleton(TriggerTypeRegistry.BuiltIn);
        services.TryAddSingleton(sp => new FlowParser(sp.GetRequiredService<TaskTypeRegistry>(), sp.GetRequiredService<TriggerTypeRegistry>()));
        services.TryAddSingleton(sp => new FlowCache(sp.GetRequiredService<FlowParser>()));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(StorageFaults.Network);
        services.TryAddSingleton<IExecutionLogSink>(NullLogSink.Instance);
        services.TryAddSingleton<TaskExecutor>();
        services.TryAddSingleton<IExecutionStarter, UnavailableExecutionStarter>();
        services.AddFlowTaskServices();
        return services;
    }

    /// <summary>Registers the flow orchestration and the task activity with a Durable Task worker.</summary>
    public static DurableTaskRegistry AddFlowEngine(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator<FlowOrchestration>(OrchestrationNames.Flow);
        registry.AddOrchestrator<FlowSegmentOrchestration>(OrchestrationNames.Segment);
        registry.AddActivity<RunTaskActivity>(OrchestrationNames.RunTask);
        registry.AddActivity<RunTaskGroupActivity>(OrchestrationNames.RunTaskGroup);
        registry.AddActivity<SplitItemsActivity>(OrchestrationNames.SplitItems);
        registry.AddActivity<MergeItemOutputsActivity>(OrchestrationNames.MergeItemOutputs);
        registry.AddActivity<ExecutionEndedActivity>(OrchestrationNames.ExecutionEnded);
        registry.AddActivity<SaveTaskRunsActivity>(OrchestrationNames.SaveTaskRuns);
        registry.AddActivity<ResolveFlowActivity>(OrchestrationNames.ResolveFlow);
        registry.AddActivity<StartExecutionActivity>(OrchestrationNames.StartExecution);
        return registry;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Serverless.Engine.Concurrency;
using Serverless.Engine.Scheduling;
using Serverless.Engine.Triggers;

namespace Serverless.Serve;

/// <summary>
/// Schedules, flow triggers and concurrency limits in <c>flows serve</c>. The slot and trigger-state stores
/// are shared by both containers: the server admits executions and ticks schedules, the engine's
/// end-of-execution listeners free slots, promote queued executions and apply <c>stopAfter</c>.
/// </summary>
public sealed class TriggersServeModule : IServeModule
{
    private readonly InMemoryConcurrencySlotStore _slots = new();
    private readonly InMemoryTriggerStateStore _triggerStates = new();

    public void ConfigureEngine(IServiceCollection services)
    {
        Share(services);
        services.AddFlowConcurrency();
        services.AddFlowScheduler(runInBackground: false);
        services.AddFlowTriggers();
    }

    public void ConfigureServer(IServiceCollection services)
    {
        Share(services);
        services.AddFlowConcurrency();
        services.AddFlowScheduler();
    }

    private void Share(IServiceCollection services)
    {
        services.AddSingleton<IConcurrencySlotStore>(_slots);
        services.AddSingleton<ITriggerStateStore>(_triggerStates);
    }
}

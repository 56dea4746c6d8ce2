using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Engine.Activities;
using Serverless.Engine.Concurrency;
using Serverless.Engine.Records;

namespace Serverless.Engine.Triggers;

/// <summary>DI for the pieces every trigger shares, and for Flow triggers (which need nothing else).</summary>
public static class TriggerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the idempotent <see cref="ITriggerStarter"/>, the <see cref="IFlowSource"/> over the
    /// registered <c>IFlowStore</c>, the Flow-trigger listener and the trigger matcher. A host without its
    /// own <see cref="IDurableClientSource"/> gets one over the <see cref="DurableTaskClient"/> in DI (the
    /// embedded host registers one). Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddFlowTriggers(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDurableClientSource>(sp => new FixedDurableClientSource(sp.GetRequiredService<DurableTaskClient>()));
        services.TryAddSingleton<ITriggerStarter>(sp => new DurableTriggerStarter(
            sp.GetRequiredService<IDurableClientSource>(), sp.GetService<IExecutionAdmission>(), sp.GetService<IExecutionStore>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IFlowSource, StoreFlowSource>();
        services.TryAddSingleton<TriggerMatcher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExecutionListener, FlowTriggerListener>());
        return services;
    }
}

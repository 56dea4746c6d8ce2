using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Engine.Activities;

namespace Serverless.Engine.Concurrency;

/// <summary>DI for flow <c>concurrency</c> limits.</summary>
public static class ConcurrencyServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IExecutionAdmission"/> and the listener that frees slots, with an in-memory slot
    /// store unless one is registered (register a Table Storage one when several hosts share executions).
    /// </summary>
    public static IServiceCollection AddFlowConcurrency(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConcurrencySlotStore, InMemoryConcurrencySlotStore>();
        services.TryAddSingleton<Triggers.IDurableClientSource>(sp => new Triggers.FixedDurableClientSource(sp.GetRequiredService<Microsoft.DurableTask.Client.DurableTaskClient>()));
        services.TryAddSingleton<IExecutionAdmission>(sp => new ConcurrencyAdmission(
            sp.GetRequiredService<IConcurrencySlotStore>(), sp, sp.GetRequiredService<TimeProvider>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExecutionListener, ConcurrencyReleaseListener>());
        return services;
    }
}

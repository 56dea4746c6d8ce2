using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Serverless.Engine.Activities;
using Serverless.Engine.Triggers;

namespace Serverless.Engine.Scheduling;

/// <summary>DI for Schedule triggers.</summary>
public static class SchedulerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the scheduler (evaluator, tick, backfills, <c>stopAfter</c> listener) with an in-memory
    /// trigger state store unless one is registered, and, when <paramref name="runInBackground"/>, the
    /// <see cref="SchedulerService"/> hosted service that ticks every minute (for <c>flows serve</c>; the
    /// Functions app ticks from a timer trigger instead).
    /// </summary>
    public static IServiceCollection AddFlowScheduler(this IServiceCollection services, Action<SchedulerOptions>? configure = null, bool runInBackground = true)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new SchedulerOptions();
        configure?.Invoke(options);
        options.Validate();
        services.AddFlowTriggers();
        services.TryAddSingleton(options);
        services.TryAddSingleton<ITriggerStateStore, InMemoryTriggerStateStore>();
        services.TryAddSingleton(sp => new ScheduleEvaluator(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<SchedulerOptions>()));
        services.TryAddSingleton<Scheduler>();
        services.TryAddSingleton<BackfillService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExecutionListener, StopAfterListener>());
        if (runInBackground)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SchedulerService>());
        }

        return services;
    }
}

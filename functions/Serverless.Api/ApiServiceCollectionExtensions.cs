using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Serverless.Engine.Activities;
using Serverless.Engine.Concurrency;
using Serverless.Engine.Records;
using Serverless.Engine.Scheduling;
using Serverless.Engine.Storage;

namespace Serverless.Api;

/// <summary>Registers the shared API handlers; the host must already register <see cref="StorageStores"/> and the execution records.</summary>
public static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddFlowApi(this IServiceCollection services, Action<ApiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new ApiOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(options);
        services.TryAddSingleton(sp => new FlowApi(
            sp.GetRequiredService<StorageStores>(),
            sp.GetRequiredService<IExecutionStore>(),
            sp.GetRequiredService<IExecutionLogStore>(),
            sp.GetRequiredService<ILogger<FlowApi>>(),
            sp.GetRequiredService<ApiOptions>(),
            clock: sp.GetService<TimeProvider>(),
            admission: sp.GetService<IExecutionAdmission>(),
            listeners: sp.GetServices<IExecutionListener>(),
            backfills: sp.GetService<BackfillService>(),
            faults: sp.GetService<StorageFaults>()));
        return services;
    }
}

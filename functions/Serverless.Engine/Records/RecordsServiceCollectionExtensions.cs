using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Engine.Activities;
using Serverless.Engine.Concurrency;

namespace Serverless.Engine.Records;

/// <summary>Registers execution records and stored logs. The host still decides where logs are written (compose the log store with its console sink).</summary>
public static class RecordsServiceCollectionExtensions
{
    /// <summary>Default table names, as the infrastructure names them (<c>FLOWS_TABLE_EXECUTIONS</c>, <c>FLOWS_TABLE_LOGS</c>).</summary>
    public const string DefaultExecutionsTable = "executions";
    public const string DefaultLogsTable = "logs";

    /// <summary>Registers the given stores, the end-of-execution listener and the <see cref="ExecutionLauncher"/>.</summary>
    public static IServiceCollection AddExecutionRecords(this IServiceCollection services, IExecutionStore store, IExecutionLogStore logs)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(logs);
        services.TryAddSingleton(store);
        services.TryAddSingleton(logs);
        services.AddSingleton<IExecutionListener>(sp => new ExecutionRecordListener(sp.GetRequiredService<IExecutionStore>(), sp.GetRequiredService<IExecutionLogStore>()));
        services.TryAddSingleton(sp => new ExecutionLauncher(sp.GetRequiredService<IExecutionStore>(), sp.GetService<TimeProvider>(), sp.GetService<IExecutionAdmission>()));
        return services;
    }
}

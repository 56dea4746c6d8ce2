using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Engine.Azure.Records;
using Serverless.Engine.Azure.Secrets;
using Serverless.Engine.Azure.Storage;
using Serverless.Engine.Azure.Triggers;
using Serverless.Engine.Records;
using Serverless.Engine.Secrets;
using Serverless.Engine.Storage;
using Serverless.Engine.Triggers;

namespace Serverless.Engine.Azure;

/// <summary>Registers the Azure adapters of the engine's ports.</summary>
public static class AzureServiceCollectionExtensions
{
    /// <summary>
    /// Storage outages recognised from the Azure SDK's exceptions, in place of whatever <see cref="StorageFaults"/>
    /// was registered before: for hosts (such as <c>flows serve</c>) that talk to Azure Storage but bring their own secrets.
    /// </summary>
    public static IServiceCollection AddAzureStorageFaults(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Replace(ServiceDescriptor.Singleton<StorageFaults>(AzureStorageFaults.Instance));
        return services;
    }

    /// <summary>
    /// The Azure side of a host: storage outages recognised from the Azure SDK's exceptions
    /// (<see cref="AzureStorageFaults"/>), whatever order the host registers the engine in.
    /// </summary>
    public static IServiceCollection AddFlowsAzure(this IServiceCollection services)
    {
        services.AddAzureStorageFaults();

        // Environment secrets are looked up before the vault whichever extension runs first.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISecretStore, EnvironmentSecretStore>());
        if (Environment.GetEnvironmentVariable(KeyVaultSecretStore.UrlVariable) is { Length: > 0 })
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<ISecretStore, KeyVaultSecretStore>(
                sp => KeyVaultSecretStore.FromEnvironment(sp.GetService<TimeProvider>() ?? TimeProvider.System)!));
        }

        return services;
    }

    /// <summary>Table Storage stores for <paramref name="tables"/>; table names may carry a test prefix.</summary>
    public static (TableExecutionStore Executions, TableLogStore Logs) CreateTableStores(
        TableServiceClient tables,
        string executionsTable = RecordsServiceCollectionExtensions.DefaultExecutionsTable,
        string logsTable = RecordsServiceCollectionExtensions.DefaultLogsTable)
    {
        ArgumentNullException.ThrowIfNull(tables);
        return (new TableExecutionStore(tables.GetTableClient(executionsTable)), new TableLogStore(tables.GetTableClient(logsTable)));
    }

    /// <summary>
    /// Adds the hosted service that polls blob containers and queues named by Blob and Queue triggers
    /// (for <c>flows serve</c>; the Functions app uses blob and queue trigger functions instead). Blobs
    /// changed at the last seen instant are offered again; their deterministic ids keep starts single.
    /// </summary>
    public static IServiceCollection AddFlowStoragePolling(this IServiceCollection services, Action<StoragePollingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new StoragePollingOptions();
        configure(options);
        services.AddFlowTriggers();
        services.TryAddSingleton(options);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, StoragePollingService>());
        return services;
    }
}

using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Api;
using Serverless.Engine.Activities;
using Serverless.Engine.Azure;
using Serverless.Engine.Azure.Concurrency;
using Serverless.Engine.Azure.Scheduling;
using Serverless.Engine.Azure.Storage;
using Serverless.Engine.Concurrency;
using Serverless.Engine.Flows;
using Serverless.Engine.Hosting;
using Serverless.Engine.Logs;
using Serverless.Engine.Records;
using Serverless.Engine.Scheduling;
using Serverless.Engine.Storage;
using Serverless.Engine.Triggers;

namespace Serverless.Functions.Configuration;

/// <summary>Everything the Functions app's functions resolve, built from the app settings.</summary>
public static class FunctionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers storage (Blob/Table through <c>FlowsStorage</c>, or a local folder and memory when it is not
    /// set), execution records and logs, the engine, the API handlers, the scheduler (ticked by the timer
    /// function, not in the background), trigger matching and concurrency limits (slots in the triggers
    /// table when storage is configured, so limits hold across instances).
    /// </summary>
    public static IServiceCollection AddFlowsFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = FlowsSettings.From(configuration);
        var connection = FlowsStorageConnection.From(configuration);
        var clients = new FunctionsDurableClientSource();
        services.AddSingleton(settings);
        services.AddSingleton(connection);
        services.AddSingleton(clients);
        services.AddSingleton<IDurableClientSource>(clients);
        services.AddSingleton<IExecutionStarter>(new SourceExecutionStarter(clients));
        services.AddSingleton(TimeProvider.System);

        AddStorage(services, settings, connection);
        services.AddSingleton<IFlowResolver>(sp => new StoreFlowResolver(sp.GetRequiredService<IFlowStore>()));
        services.AddFlowsAzure();
        services.AddFlowEngine();
        services.AddFlowApi();
        services.AddFlowScheduler(runInBackground: false);
        services.AddFlowConcurrency();
        services.AddFlowTriggers();
        return services;
    }

    private static void AddStorage(IServiceCollection services, FlowsSettings settings, FlowsStorageConnection connection)
    {
        if (connection.IsConfigured)
        {
            services.AddSingleton(sp => StorageFactory.CreateBlob(connection.CreateBlobServiceClient(), "", sp.GetService<TimeProvider>()));
            var tables = new Lazy<TableServiceClient>(connection.CreateTableServiceClient);
            var (executions, logs) = AzureServiceCollectionExtensions.CreateTableStores(tables.Value, settings.ExecutionsTable, settings.LogsTable);
            services.AddSingleton<IExecutionLogSink>(logs);
            services.AddExecutionRecords(executions, logs);
            services.AddSingleton<ITriggerStateStore>(_ => new TableTriggerStateStore(tables.Value.GetTableClient(settings.TriggersTable)));

            // Slots shared by every instance: a limit of 1 must hold however far the app scales out.
            services.AddSingleton<IConcurrencySlotStore>(_ => new TableConcurrencySlotStore(tables.Value.GetTableClient(settings.TriggersTable)));
        }
        else
        {
            services.AddSingleton(sp => StorageFactory.Create(new StorageOptions(), sp.GetService<TimeProvider>()));
            var logs = new InMemoryLogStore();
            services.AddSingleton<IExecutionLogSink>(logs);
            services.AddExecutionRecords(new InMemoryExecutionStore(), logs);
        }

        services.AddSingleton(sp => sp.GetRequiredService<StorageStores>().Flows);
        services.AddSingleton(sp => sp.GetRequiredService<StorageStores>().NamespaceFiles);
        services.AddSingleton(sp => sp.GetRequiredService<StorageStores>().InternalStorage);
        services.AddSingleton(sp => sp.GetRequiredService<StorageStores>().KeyValues);
    }
}

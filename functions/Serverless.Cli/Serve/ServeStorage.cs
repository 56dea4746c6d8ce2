using Azure.Data.Tables;
using Azure.Identity;
using Serverless.Cli.Embedded;
using Serverless.Engine.Records;
using Serverless.Engine.Storage;

namespace Serverless.Cli.Serve;

/// <summary>
/// The stores <c>flows serve</c> uses for a <c>--storage</c> value (parsed by <see cref="EngineStorage.Parse"/>):
/// local storage keeps flows and files in a folder and execution records and logs in memory (like the
/// embedded Durable backend, they last as long as the process); Azure Storage keeps files in blobs and
/// records and logs in tables.
/// </summary>
internal sealed record ServeStorage(StorageStores Stores, IExecutionStore Records, IExecutionLogStore Logs, string Description) : IAsyncDisposable
{
    public static ServeStorage Create(ServeOptions options)
    {
        var storage = EngineStorage.Parse(options.Storage);
        storage.ContainerPrefix = options.ContainerPrefix;
        storage.LocalRoot = options.LocalRoot ?? storage.LocalRoot;
        var stores = StorageFactory.Create(storage);
        var description = EngineStorage.Describe(storage);
        if (!storage.UsesBlobStorage)
        {
            return new(stores, new InMemoryExecutionStore(), new InMemoryLogStore(), description);
        }

        var tables = string.IsNullOrWhiteSpace(storage.ConnectionString)
            ? new TableServiceClient(TableEndpoint(storage.BlobServiceUri!), new DefaultAzureCredential())
            : new TableServiceClient(storage.ConnectionString);
        var tablePrefix = new string([.. options.ContainerPrefix.Where(char.IsAsciiLetterOrDigit)]);
        var (records, logs) = RecordsServiceCollectionExtensions.CreateTableStores(
            tables,
            tablePrefix + RecordsServiceCollectionExtensions.DefaultExecutionsTable,
            tablePrefix + RecordsServiceCollectionExtensions.DefaultLogsTable);
        return new(stores, records, logs, description);
    }

    /// <summary><c>https://account.blob.core.windows.net</c> → <c>https://account.table.core.windows.net</c>.</summary>
    private static Uri TableEndpoint(Uri blob) =>
        new UriBuilder(blob) { Host = blob.Host.Replace(".blob.", ".table.", StringComparison.OrdinalIgnoreCase) }.Uri;

    public async ValueTask DisposeAsync()
    {
        if (Logs is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}

using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Serverless.Durable.Embedded;
using Serverless.Engine.Azure;
using Serverless.Engine.Azure.Storage;
using Serverless.Engine.Records;
using Serverless.Engine.Storage;

namespace Serverless.Serve;

/// <summary>
/// The stores <c>flows serve</c> uses for a <c>--storage</c> value (parsed by <see cref="EngineStorage.Parse"/>):
/// local storage keeps flows and files in a folder and execution records and logs in memory (like the
/// embedded Durable backend, they last as long as the process); Azure Storage keeps files in blobs and
/// records and logs in tables.
/// </summary>
internal sealed record ServeStorage(StorageStores Stores, IExecutionStore Records, IExecutionLogStore Logs, string Description) : IAsyncDisposable
{
    /// <summary>The account's blob service (Azure Storage only): Blob triggers poll its containers.</summary>
    public BlobServiceClient? Blobs { get; init; }

    /// <summary>The account's queue service (Azure Storage only): Queue triggers poll its queues.</summary>
    public QueueServiceClient? Queues { get; init; }

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

        var identity = string.IsNullOrWhiteSpace(storage.ConnectionString);
        var credential = identity ? new DefaultAzureCredential() : null;
        var tables = identity
            ? new TableServiceClient(Endpoint(storage.BlobServiceUri!, "table"), credential, StorageClientDefaults.Table())
            : new TableServiceClient(storage.ConnectionString, StorageClientDefaults.Table());
        var tablePrefix = new string([.. options.ContainerPrefix.Where(char.IsAsciiLetterOrDigit)]);
        var (records, logs) = AzureServiceCollectionExtensions.CreateTableStores(
            tables,
            tablePrefix + RecordsServiceCollectionExtensions.DefaultExecutionsTable,
            tablePrefix + RecordsServiceCollectionExtensions.DefaultLogsTable);
        return new(stores, records, logs, description)
        {
            Blobs = identity ? new BlobServiceClient(storage.BlobServiceUri, credential, StorageClientDefaults.Blob()) : new BlobServiceClient(storage.ConnectionString, StorageClientDefaults.Blob()),
            Queues = identity ? new QueueServiceClient(Endpoint(storage.BlobServiceUri!, "queue"), credential, StorageClientDefaults.Queue()) : new QueueServiceClient(storage.ConnectionString, StorageClientDefaults.Queue()),
        };
    }

    /// <summary><c>https://account.blob.core.windows.net</c> → <c>https://account.{service}.core.windows.net</c>.</summary>
    private static Uri Endpoint(Uri blob, string service) =>
        new UriBuilder(blob) { Host = blob.Host.Replace(".blob.", "." + service + ".", StringComparison.OrdinalIgnoreCase) }.Uri;

    public async ValueTask DisposeAsync()
    {
        if (Logs is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}

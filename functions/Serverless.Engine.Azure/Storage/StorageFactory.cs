using Azure.Identity;
using Azure.Storage.Blobs;
using Serverless.Engine.Storage;

namespace Serverless.Engine.Azure.Storage;

/// <summary>
/// Creates the four stores for the backend the options select: Azure Blob Storage when a connection
/// string or a blob service URI is set, else the local folder. Hosts call this once and register the
/// stores; nothing else should construct implementations.
/// </summary>
public static class StorageFactory
{
    /// <summary>The folder the local implementation uses when <see cref="StorageOptions.LocalRoot"/> is not set.</summary>
    public const string DefaultLocalFolder = LocalStores.DefaultFolder;

    public static StorageStores Create(StorageOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        StorageLayout.ValidatePrefix(options.ContainerPrefix);
        return options.UsesBlobStorage
            ? CreateBlob(CreateBlobServiceClient(options), options.ContainerPrefix, timeProvider)
            : CreateLocal(options.LocalRoot ?? Path.Join(Environment.CurrentDirectory, DefaultLocalFolder), options.ContainerPrefix, timeProvider);
    }

    public static StorageStores CreateLocal(string localRoot, string containerPrefix = "", TimeProvider? timeProvider = null) =>
        LocalStores.Create(localRoot, containerPrefix, timeProvider);

    public static StorageStores CreateBlob(BlobServiceClient service, string containerPrefix = "", TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        return new StorageStores(
            new BlobNamespaceFileStore(service, containerPrefix),
            new BlobInternalStorage(service, containerPrefix),
            new BlobFlowStore(service, containerPrefix),
            new BlobKeyValueStore(service, containerPrefix, timeProvider));
    }

    /// <summary>
    /// The blob client of the options: from the connection string, else from the service URI with
    /// <see cref="DefaultAzureCredential"/>, with <see cref="StorageClientDefaults"/> (an outage fails fast).
    /// A malformed connection string is reported without its value.
    /// </summary>
    public static BlobServiceClient CreateBlobServiceClient(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            try
            {
                return new BlobServiceClient(options.ConnectionString, StorageClientDefaults.Blob());
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
            {
                // The inner exception may quote the connection string, so it is not attached.
                throw new StorageException(StorageErrorKind.Failed, "The storage connection string is malformed (its value is not shown).");
            }
        }

        return options.BlobServiceUri is { } uri
            ? new BlobServiceClient(uri, new DefaultAzureCredential(), StorageClientDefaults.Blob())
            : throw new StorageException(StorageErrorKind.Failed, "Blob storage needs a connection string or a blob service URI.");
    }
}

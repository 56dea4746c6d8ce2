using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Serverless.Engine.Storage;

namespace Serverless.Engine.Azure.Storage;

/// <summary>Execution files as blobs named by the <c>kestra:///</c> URI path, in the container <c>{prefix}internal-storage</c>.</summary>
public sealed class BlobInternalStorage : IInternalStorage
{
    private readonly BlobContainer _container;

    public BlobInternalStorage(BlobServiceClient service, string containerPrefix = "") =>
        _container = new BlobContainer(service, containerPrefix, StorageLayout.InternalStorage);

    public async Task<Uri> PutAsync(StorageScope scope, string fileName, Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = KestraUris.PathFor(scope, fileName);
        var blob = await _container.BlobAsync(name, ct);
        await _container.RunAsync(() => blob.UploadAsync(content, overwrite: true, ct), "write", name);
        return KestraUris.ToUri(name);
    }

    public async Task<Stream> OpenReadAsync(Uri kestraUri, CancellationToken ct = default)
    {
        var name = KestraUris.ToPath(kestraUri);
        var blob = await _container.BlobAsync(name, ct);
        return await _container.RunAsync(
            async () =>
            {
                try
                {
                    return (await blob.DownloadStreamingAsync(cancellationToken: ct)).Value.Content;
                }
                catch (RequestFailedException ex) when (BlobContainer.IsNotFound(ex))
                {
                    throw StorageException.InternalFileNotFound(kestraUri);
                }
            },
            "read",
            name);
    }

    public async Task<long> SizeAsync(Uri kestraUri, CancellationToken ct = default)
    {
        var name = KestraUris.ToPath(kestraUri);
        var blob = await _container.BlobAsync(name, ct);
        return await _container.RunAsync(
            async () =>
            {
                try
                {
                    return (await blob.GetPropertiesAsync(cancellationToken: ct)).Value.ContentLength;
                }
                catch (RequestFailedException ex) when (BlobContainer.IsNotFound(ex))
                {
                    throw StorageException.InternalFileNotFound(kestraUri);
                }
            },
            "read the size of",
            name);
    }

    public async Task<bool> DeleteAsync(Uri kestraUri, CancellationToken ct = default)
    {
        var name = KestraUris.ToPath(kestraUri);
        var blob = await _container.BlobAsync(name, ct);
        return await _container.RunAsync(async () => (await blob.DeleteIfExistsAsync(cancellationToken: ct)).Value, "delete", name);
    }

    public async Task<IReadOnlyList<Uri>> ListAsync(string ns, string? flowId, string? executionId, CancellationToken ct = default)
    {
        var prefix = KestraUris.ListPrefix(ns, flowId, executionId);
        var items = await _container.ListAsync(prefix, BlobTraits.None, ct);
        return items.Select(item => item.Name).Order(StringComparer.Ordinal).Select(KestraUris.ToUri).ToList();
    }
}

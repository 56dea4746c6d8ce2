using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Serverless.Engine.Storage;

namespace Serverless.Engine.Azure.Storage;

/// <summary>Namespace files as blobs <c>{namespace}/{path}</c> in the container <c>{prefix}namespace-files</c>.</summary>
public sealed class BlobNamespaceFileStore : INamespaceFileStore
{
    private readonly BlobContainer _container;

    public BlobNamespaceFileStore(BlobServiceClient service, string containerPrefix = "") =>
        _container = new BlobContainer(service, containerPrefix, StorageLayout.NamespaceFiles);

    public async Task<IReadOnlyList<NamespaceFile>> ListAsync(string ns, string? prefix = null, CancellationToken ct = default)
    {
        StoragePaths.ValidateNamespace(ns);
        var items = await _container.ListAsync(ns + "/" + StoragePaths.NormalizePrefix(prefix), BlobTraits.None, ct);
        return items
            .Select(item => new NamespaceFile(ns, item.Name[(ns.Length + 1)..], item.Properties.ContentLength ?? 0, item.Properties.LastModified ?? default))
            .OrderBy(file => file.Path, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<Stream?> OpenReadAsync(string ns, string path, CancellationToken ct = default)
    {
        var name = NamespaceFilePaths.Combine(ns, path);
        var blob = await _container.BlobAsync(name, ct);
        return await _container.RunAsync<Stream?>(
            async () =>
            {
                try
                {
                    return (await blob.DownloadStreamingAsync(cancellationToken: ct)).Value.Content;
                }
                catch (RequestFailedException ex) when (BlobContainer.IsNotFound(ex))
                {
                    return null;
                }
            },
            "read",
            name);
    }

    public async Task WriteAsync(string ns, string path, Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = NamespaceFilePaths.Combine(ns, path);
        var blob = await _container.BlobAsync(name, ct);
        await _container.RunAsync(() => blob.UploadAsync(content, overwrite: true, ct), "write", name);
    }

    public async Task<bool> DeleteAsync(string ns, string path, CancellationToken ct = default)
    {
        var name = NamespaceFilePaths.Combine(ns, path);
        var blob = await _container.BlobAsync(name, ct);
        return await _container.RunAsync(async () => (await blob.DeleteIfExistsAsync(cancellationToken: ct)).Value, "delete", name);
    }

    /// <summary>Blobs cannot be renamed: each file is copied with a create-only write, then the source is deleted.</summary>
    public async Task MoveAsync(string ns, string from, string to, CancellationToken ct = default)
    {
        StoragePaths.ValidateNamespace(ns);
        var existing = (await ListAsync(ns, null, ct)).Select(file => file.Path).ToList();
        foreach (var (source, target) in NamespaceFilePaths.PlanMove(ns, from, to, existing))
        {
            await MoveOneAsync(NamespaceFilePaths.Combine(ns, source), NamespaceFilePaths.Combine(ns, target), ns, target, ct);
        }
    }

    private async Task MoveOneAsync(string sourceName, string targetName, string ns, string targetPath, CancellationToken ct)
    {
        var source = await _container.BlobAsync(sourceName, ct);
        var target = await _container.BlobAsync(targetName, ct);
        await _container.RunAsync(
            async () =>
            {
                using var download = (await source.DownloadStreamingAsync(cancellationToken: ct)).Value;
                try
                {
                    var options = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
                    await target.UploadAsync(download.Content, options, ct);
                }
                catch (RequestFailedException ex) when (BlobContainer.IsAlreadyExists(ex))
                {
                    throw NamespaceFilePaths.TargetExists(ns, targetPath);
                }

                await source.DeleteIfExistsAsync(cancellationToken: ct);
                return true;
            },
            "move",
            sourceName);
    }
}

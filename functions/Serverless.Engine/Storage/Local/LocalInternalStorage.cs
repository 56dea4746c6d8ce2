namespace Serverless.Engine.Storage;

/// <summary>Execution files in <c>{root}/{prefix}internal-storage/{kestra URI path}</c>.</summary>
public sealed class LocalInternalStorage : IInternalStorage
{
    private readonly LocalFolder _folder;

    public LocalInternalStorage(string localRoot, string containerPrefix = "") =>
        _folder = new LocalFolder(localRoot, containerPrefix, StorageLayout.InternalStorage);

    public async Task<Uri> PutAsync(StorageScope scope, string fileName, Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = KestraUris.PathFor(scope, fileName);
        await LocalErrors.RunAsync(() => _folder.WriteAsync(path, content, overwrite: true, ct), $"store execution file '{path}'");
        return KestraUris.ToUri(path);
    }

    public Task<Stream> OpenReadAsync(Uri kestraUri, CancellationToken ct = default)
    {
        var path = KestraUris.ToPath(kestraUri);
        var stream = LocalErrors.Run(() => _folder.TryOpenRead(path), $"read execution file '{path}'");
        return stream is null ? throw StorageException.InternalFileNotFound(kestraUri) : Task.FromResult(stream);
    }

    public Task<long> SizeAsync(Uri kestraUri, CancellationToken ct = default)
    {
        var full = _folder.Resolve(KestraUris.ToPath(kestraUri));
        var info = new FileInfo(full);
        return info.Exists ? Task.FromResult(info.Length) : throw StorageException.InternalFileNotFound(kestraUri);
    }

    public Task<bool> DeleteAsync(Uri kestraUri, CancellationToken ct = default)
    {
        var path = KestraUris.ToPath(kestraUri);
        return Task.FromResult(LocalErrors.Run(() => _folder.Delete(path), $"delete execution file '{path}'"));
    }

    public Task<IReadOnlyList<Uri>> ListAsync(string ns, string? flowId, string? executionId, CancellationToken ct = default)
    {
        var prefix = KestraUris.ListPrefix(ns, flowId, executionId);
        IReadOnlyList<Uri> uris = LocalErrors.Run(
            () => _folder.List(prefix.TrimEnd('/')).Select(entry => KestraUris.ToUri(entry.Path)).ToList(),
            $"list execution files under '{prefix}'");
        return Task.FromResult(uris);
    }
}

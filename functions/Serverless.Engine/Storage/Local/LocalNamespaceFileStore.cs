namespace Serverless.Engine.Storage;

/// <summary>Namespace files in <c>{root}/{prefix}namespace-files/{namespace}/{path}</c>.</summary>
public sealed class LocalNamespaceFileStore : INamespaceFileStore
{
    private readonly LocalFolder _folder;

    public LocalNamespaceFileStore(string localRoot, string containerPrefix = "") =>
        _folder = new LocalFolder(localRoot, containerPrefix, StorageLayout.NamespaceFiles);

    public Task<IReadOnlyList<NamespaceFile>> ListAsync(string ns, string? prefix = null, CancellationToken ct = default)
    {
        StoragePaths.ValidateNamespace(ns);
        var wanted = ns + "/" + StoragePaths.NormalizePrefix(prefix);
        IReadOnlyList<NamespaceFile> files = LocalErrors.Run(
            () => _folder.List(ns)
                .Where(entry => entry.Path.StartsWith(wanted, StringComparison.Ordinal))
                .Select(entry => new NamespaceFile(ns, entry.Path[(ns.Length + 1)..], entry.Info.Length, new DateTimeOffset(entry.Info.LastWriteTimeUtc, TimeSpan.Zero)))
                .ToList(),
            $"list namespace files of '{ns}'");
        return Task.FromResult(files);
    }

    public Task<Stream?> OpenReadAsync(string ns, string path, CancellationToken ct = default)
    {
        var relative = NamespaceFilePaths.Combine(ns, path);
        return Task.FromResult(LocalErrors.Run(() => _folder.TryOpenRead(relative), $"read namespace file '{relative}'"));
    }

    public Task WriteAsync(string ns, string path, Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var relative = NamespaceFilePaths.Combine(ns, path);
        return LocalErrors.RunAsync(() => _folder.WriteAsync(relative, content, overwrite: true, ct), $"write namespace file '{relative}'");
    }

    public Task<bool> DeleteAsync(string ns, string path, CancellationToken ct = default)
    {
        var relative = NamespaceFilePaths.Combine(ns, path);
        return Task.FromResult(LocalErrors.Run(() => _folder.Delete(relative), $"delete namespace file '{relative}'"));
    }

    public Task MoveAsync(string ns, string from, string to, CancellationToken ct = default)
    {
        StoragePaths.ValidateNamespace(ns);
        var moves = NamespaceFilePaths.PlanMove(ns, from, to, _folder.List(ns).Select(entry => entry.Path[(ns.Length + 1)..]).ToList());
        LocalErrors.Run(
            () =>
            {
                foreach (var (source, target) in moves)
                {
                    if (!_folder.MoveNoReplace(NamespaceFilePaths.Combine(ns, source), NamespaceFilePaths.Combine(ns, target)))
                    {
                        throw NamespaceFilePaths.TargetExists(ns, target);
                    }
                }

                return true;
            },
            $"move namespace file '{ns}/{from}' to '{to}'");
        return Task.CompletedTask;
    }
}

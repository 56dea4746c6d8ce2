using System.Text;

namespace Serverless.Engine.Storage;

/// <summary>
/// Flow revisions in <c>{root}/{prefix}flows/{namespace}/{id}/{revision:D6}.yaml</c>. A file has no
/// metadata, so a delete marker is an empty revision file (a real source is never empty) and reads
/// back with the source of the revision before it.
/// </summary>
public sealed class LocalFlowStore : IFlowStore
{
    private readonly LocalFolder _folder;

    public LocalFlowStore(string localRoot, string containerPrefix = "") =>
        _folder = new LocalFolder(localRoot, containerPrefix, StorageLayout.Flows);

    public async Task<StoredFlow> SaveAsync(string ns, string id, string source, CancellationToken ct = default)
    {
        FlowRevisionPaths.Validate(ns, id);
        FlowRevisionPaths.ValidateSource(source);
        for (var attempt = 0; attempt < FlowRevisionPaths.MaxAttempts; attempt++)
        {
            var latest = await GetAsync(ns, id, null, ct);
            if (latest is not null && latest.Source == source)
            {
                return latest;
            }

            var revision = LatestRevision(ns, id) + 1;
            if (await TryCreateAsync(ns, id, revision, source, ct))
            {
                return (await GetAsync(ns, id, revision, ct))!;
            }
        }

        throw FlowRevisionPaths.Contended(ns, id);
    }

    public Task<StoredFlow?> GetAsync(string ns, string id, int? revision = null, CancellationToken ct = default)
    {
        FlowRevisionPaths.Validate(ns, id);
        if (revision is null)
        {
            var latest = LatestRevision(ns, id);
            var flow = latest == 0 ? null : Read(ns, id, latest);
            return Task.FromResult(flow is { Deleted: false } ? flow : null);
        }

        return Task.FromResult(revision > 0 ? Read(ns, id, revision.Value) : null);
    }

    public Task<IReadOnlyList<StoredFlow>> ListAsync(string? ns = null, CancellationToken ct = default)
    {
        if (ns is not null)
        {
            StoragePaths.ValidateNamespace(ns);
        }

        IReadOnlyList<StoredFlow> flows = LocalErrors.Run(
            () => _folder.List(null)
                .Select(entry => FlowRevisionPaths.TryParse(entry.Path, out var n, out var i, out var r) ? (Ns: n, Id: i, Revision: r) : default)
                .Where(entry => entry.Ns is not null && (ns is null || StoragePaths.IsInNamespace(entry.Ns, ns)))
                .GroupBy(entry => (entry.Ns, entry.Id))
                .Select(group => Read(group.Key.Ns, group.Key.Id, group.Max(entry => entry.Revision)))
                .OfType<StoredFlow>()
                .Where(flow => !flow.Deleted)
                .OrderBy(flow => flow.Namespace, StringComparer.Ordinal)
                .ThenBy(flow => flow.Id, StringComparer.Ordinal)
                .ToList(),
            ns is null ? "list flows" : $"list flows of '{ns}'");
        return Task.FromResult(flows);
    }

    public Task<IReadOnlyList<StoredFlow>> RevisionsAsync(string ns, string id, CancellationToken ct = default)
    {
        FlowRevisionPaths.Validate(ns, id);
        IReadOnlyList<StoredFlow> revisions = Revisions(ns, id)
            .Select(revision => Read(ns, id, revision))
            .OfType<StoredFlow>()
            .ToList();
        return Task.FromResult(revisions);
    }

    public async Task<bool> DeleteAsync(string ns, string id, CancellationToken ct = default)
    {
        FlowRevisionPaths.Validate(ns, id);
        for (var attempt = 0; attempt < FlowRevisionPaths.MaxAttempts; attempt++)
        {
            var latest = await GetAsync(ns, id, null, ct);
            if (latest is null)
            {
                return false;
            }

            if (await TryCreateAsync(ns, id, latest.Revision + 1, string.Empty, ct))
            {
                return true;
            }
        }

        throw FlowRevisionPaths.Contended(ns, id);
    }

    private async Task<bool> TryCreateAsync(string ns, string id, int revision, string content, CancellationToken ct)
    {
        var path = FlowRevisionPaths.Revision(ns, id, revision);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        return await LocalErrors.RunAsync(() => _folder.WriteAsync(path, stream, overwrite: false, ct), $"write flow revision '{path}'");
    }

    private List<int> Revisions(string ns, string id) =>
        LocalErrors.Run(
            () => _folder.List(FlowRevisionPaths.Folder(ns, id))
                .Select(entry => FlowRevisionPaths.TryParse(entry.Path, out _, out _, out var revision) ? revision : 0)
                .Where(revision => revision > 0)
                .Order()
                .ToList(),
            $"list revisions of flow '{ns}.{id}'");

    private int LatestRevision(string ns, string id) => Revisions(ns, id).DefaultIfEmpty(0).Max();

    /// <summary>Reads one revision; a delete marker takes the source of the nearest live revision below it.</summary>
    private StoredFlow? Read(string ns, string id, int revision) =>
        LocalErrors.Run(
            () =>
            {
                if (ReadFile(ns, id, revision) is not { } file)
                {
                    return null;
                }

                if (file.Content.Length > 0)
                {
                    return new StoredFlow(ns, id, revision, file.Content, file.Updated);
                }

                var previous = Enumerable.Range(1, revision - 1).Reverse()
                    .Select(r => ReadFile(ns, id, r)?.Content)
                    .FirstOrDefault(content => !string.IsNullOrEmpty(content));
                return new StoredFlow(ns, id, revision, previous ?? string.Empty, file.Updated, Deleted: true);
            },
            $"read revision {revision} of flow '{ns}.{id}'");

    private (string Content, DateTimeOffset Updated)? ReadFile(string ns, string id, int revision)
    {
        var file = new FileInfo(_folder.Resolve(FlowRevisionPaths.Revision(ns, id, revision)));
        return file.Exists
            ? (File.ReadAllText(file.FullName, Encoding.UTF8), new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero))
            : null;
    }
}

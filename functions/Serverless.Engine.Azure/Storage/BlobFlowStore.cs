using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Serverless.Engine.Storage;

namespace Serverless.Engine.Azure.Storage;

/// <summary>
/// Flow revisions as blobs <c>{namespace}/{id}/{revision:D6}.yaml</c> in the container <c>{prefix}flows</c>.
/// A delete marker is a revision blob holding the deleted source with the metadata <c>deleted=true</c>.
/// The latest revision is found by listing the flow's folder (no pointer blob that could go stale), and
/// each revision is written create-only (<c>If-None-Match: *</c>), so concurrent writers never share one.
/// </summary>
public sealed partial class BlobFlowStore : IFlowStore
{
    private const string DeletedKey = "deleted";
    private readonly BlobContainer _container;

    public BlobFlowStore(BlobServiceClient service, string containerPrefix = "") =>
        _container = new BlobContainer(service, containerPrefix, StorageLayout.Flows);

    public async Task<StoredFlow> SaveAsync(string ns, string id, string source, CancellationToken ct = default)
    {
        FlowRevisionPaths.Validate(ns, id);
        FlowRevisionPaths.ValidateSource(source);
        for (var attempt = 0; attempt < FlowRevisionPaths.MaxAttempts; attempt++)
        {
            var revisions = await ListRevisionsAsync(ns, id, ct);
            var latest = revisions.Count == 0 ? null : await ReadAsync(ns, id, revisions[^1].Revision, ct);
            if (latest is { Deleted: false } && latest.Source == source)
            {
                return latest;
            }

            var revision = (revisions.Count == 0 ? 0 : revisions[^1].Revision) + 1;
            if (await TryCreateAsync(ns, id, revision, source, deleted: false, ct) is { } created)
            {
                return created;
            }
        }

        throw FlowRevisionPaths.Contended(ns, id);
    }

    public async Task<StoredFlow?> GetAsync(string ns, string id, int? revision = null, CancellationToken ct = default)
    {
        FlowRevisionPaths.Validate(ns, id);
        if (revision is { } wanted)
        {
            return wanted > 0 ? await ReadAsync(ns, id, wanted, ct) : null;
        }

        var revisions = await ListRevisionsAsync(ns, id, ct);
        if (revisions.Count == 0 || revisions[^1].Deleted)
        {
            return null;
        }

        var latest = await ReadAsync(ns, id, revisions[^1].Revision, ct);
        return latest is { Deleted: false } ? latest : null;
    }

    public async Task<IReadOnlyList<StoredFlow>> ListAsync(string? ns = null, CancellationToken ct = default)
    {
        if (ns is not null)
        {
            StoragePaths.ValidateNamespace(ns);
        }

        var latest = (await ListEntriesAsync(ns ?? string.Empty, ct))
            .Where(entry => ns is null || StoragePaths.IsInNamespace(entry.Namespace, ns))
            .GroupBy(entry => (entry.Namespace, entry.Id))
            .Select(group => group.MaxBy(entry => entry.Revision)!)
            .Where(entry => !entry.Deleted)
            .OrderBy(entry => entry.Namespace, StringComparer.Ordinal)
            .ThenBy(entry => entry.Id, StringComparer.Ordinal)
            .ToList();

        var flows = new List<StoredFlow>(latest.Count);
        foreach (var entry in latest)
        {
            if (await ReadAsync(entry.Namespace, entry.Id, entry.Revision, ct) is { Deleted: false } flow)
            {
                flows.Add(flow);
            }
        }

        return flows;
    }

    public async Task<IReadOnlyList<StoredFlow>> RevisionsAsync(string ns, string id, CancellationToken ct = default)
    {
        FlowRevisionPaths.Validate(ns, id);
        var flows = new List<StoredFlow>();
        foreach (var entry in await ListRevisionsAsync(ns, id, ct))
        {
            if (await ReadAsync(ns, id, entry.Revision, ct) is { } flow)
            {
                flows.Add(flow);
            }
        }

        return flows;
    }

    public async Task<bool> DeleteAsync(string ns, string id, CancellationToken ct = default)
    {
        FlowRevisionPaths.Validate(ns, id);
        for (var attempt = 0; attempt < FlowRevisionPaths.MaxAttempts; attempt++)
        {
            if (await GetAsync(ns, id, null, ct) is not { } latest)
            {
                return false;
            }

            if (await TryCreateAsync(ns, id, latest.Revision + 1, latest.Source, deleted: true, ct) is not null)
            {
                return true;
            }
        }

        throw FlowRevisionPaths.Contended(ns, id);
    }
}

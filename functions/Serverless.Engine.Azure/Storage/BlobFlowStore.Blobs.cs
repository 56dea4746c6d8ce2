using System.Text;
using Azure;
using Azure.Storage.Blobs.Models;
using Serverless.Engine.Storage;

namespace Serverless.Engine.Azure.Storage;

/// <summary>Blob reads, listings and the create-only revision write.</summary>
public sealed partial class BlobFlowStore
{
    private sealed record Entry(string Namespace, string Id, int Revision, bool Deleted);

    /// <summary>Writes revision <paramref name="revision"/> unless it exists; <see langword="null"/> when another writer took it.</summary>
    private async Task<StoredFlow?> TryCreateAsync(string ns, string id, int revision, string source, bool deleted, CancellationToken ct)
    {
        var name = FlowRevisionPaths.Revision(ns, id, revision);
        var blob = await _container.BlobAsync(name, ct);
        var options = new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/yaml" },
            Metadata = deleted ? new Dictionary<string, string> { [DeletedKey] = "true" } : null,
        };
        return await _container.RunAsync(
            async () =>
            {
                try
                {
                    await blob.UploadAsync(BinaryData.FromString(source), options, ct);
                }
                catch (RequestFailedException ex) when (BlobContainer.IsAlreadyExists(ex))
                {
                    return null;
                }

                return await ReadAsync(ns, id, revision, ct);
            },
            "write",
            name);
    }

    private async Task<StoredFlow?> ReadAsync(string ns, string id, int revision, CancellationToken ct)
    {
        var name = FlowRevisionPaths.Revision(ns, id, revision);
        var blob = await _container.BlobAsync(name, ct);
        return await _container.RunAsync(
            async () =>
            {
                try
                {
                    var result = (await blob.DownloadContentAsync(ct)).Value;
                    var source = Encoding.UTF8.GetString(result.Content.ToMemory().Span);
                    return new StoredFlow(ns, id, revision, source, result.Details.LastModified, IsDeleted(result.Details.Metadata));
                }
                catch (RequestFailedException ex) when (BlobContainer.IsNotFound(ex))
                {
                    return null;
                }
            },
            "read",
            name);
    }

    private async Task<List<Entry>> ListRevisionsAsync(string ns, string id, CancellationToken ct) =>
        (await ListEntriesAsync(FlowRevisionPaths.Folder(ns, id) + "/", ct))
            .Where(entry => entry.Namespace == ns && entry.Id == id)
            .OrderBy(entry => entry.Revision)
            .ToList();

    private async Task<List<Entry>> ListEntriesAsync(string prefix, CancellationToken ct) =>
        (await _container.ListAsync(prefix, BlobTraits.Metadata, ct))
            .Select(item => FlowRevisionPaths.TryParse(item.Name, out var ns, out var id, out var revision)
                ? new Entry(ns, id, revision, IsDeleted(item.Metadata))
                : null)
            .OfType<Entry>()
            .ToList();

    private static bool IsDeleted(IDictionary<string, string>? metadata) =>
        string.Equals(BlobMetadata.Find(metadata, DeletedKey), "true", StringComparison.OrdinalIgnoreCase);
}

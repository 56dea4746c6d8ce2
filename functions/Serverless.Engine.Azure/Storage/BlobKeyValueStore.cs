using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Serverless.Engine.Storage;

namespace Serverless.Engine.Azure.Storage;

/// <summary>
/// KV entries as blobs <c>{namespace}/{key}</c> in the container <c>{prefix}kv</c>; the blob body is the
/// JSON value and the expiry is the metadata <c>expiresat</c> (ISO 8601, UTC), so listing keys needs no download.
/// </summary>
public sealed class BlobKeyValueStore : IKeyValueStore
{
    private const string ExpiresAtKey = "expiresat";
    private readonly BlobContainer _container;
    private readonly TimeProvider _time;

    public BlobKeyValueStore(BlobServiceClient service, string containerPrefix = "", TimeProvider? timeProvider = null)
    {
        _container = new BlobContainer(service, containerPrefix, StorageLayout.KeyValues);
        _time = timeProvider ?? TimeProvider.System;
    }

    public async Task SetAsync(string ns, string key, string jsonValue, TimeSpan? ttl = null, CancellationToken ct = default)
    {
        var name = KeyValueRules.Path(ns, key);
        KeyValueRules.ValidateValue(key, jsonValue);
        var metadata = new Dictionary<string, string>();
        if (KeyValueRules.ExpiresAt(ttl, _time) is { } at)
        {
            metadata[ExpiresAtKey] = KeyValueRules.FormatExpiry(at);
        }

        var blob = await _container.BlobAsync(name, ct);
        var options = new BlobUploadOptions { Metadata = metadata, HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } };
        await _container.RunAsync(() => blob.UploadAsync(BinaryData.FromString(jsonValue), options, ct), "write", name);
    }

    public async Task<string?> GetAsync(string ns, string key, CancellationToken ct = default)
    {
        var name = KeyValueRules.Path(ns, key);
        var blob = await _container.BlobAsync(name, ct);
        return await _container.RunAsync(
            async () =>
            {
                BlobDownloadResult result;
                try
                {
                    result = (await blob.DownloadContentAsync(ct)).Value;
                }
                catch (RequestFailedException ex) when (BlobContainer.IsNotFound(ex))
                {
                    return null;
                }

                if (!IsExpired(result.Details.Metadata))
                {
                    return Encoding.UTF8.GetString(result.Content.ToMemory().Span);
                }

                // Remove the expired entry only if nobody replaced it since we read it.
                var stale = new BlobRequestConditions { IfMatch = result.Details.ETag };
                try
                {
                    await blob.DeleteIfExistsAsync(conditions: stale, cancellationToken: ct);
                }
                catch (RequestFailedException ex) when (ex.Status == 412)
                {
                    // Replaced concurrently: the new value is not ours to delete.
                }

                return null;
            },
            "read",
            name);
    }

    public async Task<IReadOnlyList<string>> KeysAsync(string ns, string? prefix = null, CancellationToken ct = default)
    {
        var wanted = KeyValueRules.Prefix(ns, prefix);
        var items = await _container.ListAsync(wanted, BlobTraits.Metadata, ct);
        return items
            .Where(item => item.Name.IndexOf('/', ns.Length + 1) < 0 && !IsExpired(item.Metadata))
            .Select(item => item.Name[(ns.Length + 1)..])
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public async Task<bool> DeleteAsync(string ns, string key, CancellationToken ct = default)
    {
        var name = KeyValueRules.Path(ns, key);
        var blob = await _container.BlobAsync(name, ct);
        return await _container.RunAsync(
            async () =>
            {
                BlobProperties properties;
                try
                {
                    properties = (await blob.GetPropertiesAsync(cancellationToken: ct)).Value;
                }
                catch (RequestFailedException ex) when (BlobContainer.IsNotFound(ex))
                {
                    return false;
                }

                var deleted = (await blob.DeleteIfExistsAsync(cancellationToken: ct)).Value;
                return deleted && !IsExpired(properties.Metadata);
            },
            "delete",
            name);
    }

    /// <summary>Metadata names are case-insensitive in Azure (case-preserving only), so the lookup is too.</summary>
    private bool IsExpired(IDictionary<string, string>? metadata) =>
        BlobMetadata.Find(metadata, ExpiresAtKey) is { } text && KeyValueRules.IsExpired(KeyValueRules.ParseExpiry(text), _time);
}

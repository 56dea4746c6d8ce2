namespace Serverless.Engine.Storage;

/// <summary>
/// Kestra's KV store: JSON values per namespace and key, with an optional time to live. Expiry is
/// judged with the store's <see cref="TimeProvider"/>, so tests move time instead of sleeping; an
/// expired entry reads as missing everywhere (get, keys, delete); implementations may remove it lazily.
/// </summary>
public interface IKeyValueStore
{
    /// <summary>Creates or replaces a value; <paramref name="jsonValue"/> must be one JSON value (<c>"text"</c>, <c>42</c>, <c>{…}</c>).</summary>
    Task SetAsync(string ns, string key, string jsonValue, TimeSpan? ttl = null, CancellationToken ct = default);

    /// <summary>The JSON value as stored, or <see langword="null"/> when missing or expired.</summary>
    Task<string?> GetAsync(string ns, string key, CancellationToken ct = default);

    /// <summary>Live keys of the namespace, ordered, optionally only those starting with <paramref name="prefix"/>.</summary>
    Task<IReadOnlyList<string>> KeysAsync(string ns, string? prefix = null, CancellationToken ct = default);

    /// <summary>Deletes the key; <see langword="false"/> when it was missing or already expired.</summary>
    Task<bool> DeleteAsync(string ns, string key, CancellationToken ct = default);
}

using System.Text;
using System.Text.Json;

namespace Serverless.Engine.Storage;

/// <summary>
/// KV entries in <c>{root}/{prefix}kv/{namespace}/{key}</c>. A file has no metadata, so each holds a small
/// envelope <c>{"expiresAt":"…","value":…}</c> with the value's JSON kept byte for byte.
/// </summary>
public sealed class LocalKeyValueStore : IKeyValueStore
{
    private readonly LocalFolder _folder;
    private readonly TimeProvider _time;

    public LocalKeyValueStore(string localRoot, string containerPrefix = "", TimeProvider? timeProvider = null)
    {
        _folder = new LocalFolder(localRoot, containerPrefix, StorageLayout.KeyValues);
        _time = timeProvider ?? TimeProvider.System;
    }

    public Task SetAsync(string ns, string key, string jsonValue, TimeSpan? ttl = null, CancellationToken ct = default)
    {
        var path = KeyValueRules.Path(ns, key);
        KeyValueRules.ValidateValue(key, jsonValue);
        var expiresAt = KeyValueRules.ExpiresAt(ttl, _time);

        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (expiresAt is { } at)
            {
                writer.WriteString("expiresAt", KeyValueRules.FormatExpiry(at));
            }

            writer.WritePropertyName("value");
            writer.WriteRawValue(jsonValue, skipInputValidation: true);
            writer.WriteEndObject();
        }

        buffer.Position = 0;
        return LocalErrors.RunAsync(() => _folder.WriteAsync(path, buffer, overwrite: true, ct), $"write KV key '{path}'");
    }

    public Task<string?> GetAsync(string ns, string key, CancellationToken ct = default)
    {
        var path = KeyValueRules.Path(ns, key);
        return Task.FromResult(Read(path)?.Value);
    }

    public Task<IReadOnlyList<string>> KeysAsync(string ns, string? prefix = null, CancellationToken ct = default)
    {
        var wanted = KeyValueRules.Prefix(ns, prefix);
        IReadOnlyList<string> keys = LocalErrors.Run(
            () => _folder.List(ns)
                .Where(entry => entry.Path.StartsWith(wanted, StringComparison.Ordinal) && entry.Path.Count(c => c == '/') == 1)
                .Where(entry => Read(entry.Path) is not null)
                .Select(entry => entry.Path[(ns.Length + 1)..])
                .ToList(),
            $"list KV keys of '{ns}'");
        return Task.FromResult(keys);
    }

    public Task<bool> DeleteAsync(string ns, string key, CancellationToken ct = default)
    {
        var path = KeyValueRules.Path(ns, key);
        var live = Read(path) is not null;
        var deleted = LocalErrors.Run(() => _folder.Delete(path), $"delete KV key '{path}'");
        return Task.FromResult(deleted && live);
    }

    /// <summary>The live entry, or <see langword="null"/> when missing or expired (expired files stay until overwritten or deleted: removing them here would race with a concurrent set).</summary>
    private (string Value, DateTimeOffset? ExpiresAt)? Read(string path)
    {
        var content = LocalErrors.Run(
            () =>
            {
                using var stream = _folder.TryOpenRead(path);
                if (stream is null)
                {
                    return null;
                }

                using var reader = new StreamReader(stream, Encoding.UTF8);
                return reader.ReadToEnd();
            },
            $"read KV key '{path}'");
        if (content is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(content);
        var root = document.RootElement;
        var expiresAt = root.TryGetProperty("expiresAt", out var at) ? KeyValueRules.ParseExpiry(at.GetString()) : null;
        return KeyValueRules.IsExpired(expiresAt, _time) ? null : (root.GetProperty("value").GetRawText(), expiresAt);
    }
}

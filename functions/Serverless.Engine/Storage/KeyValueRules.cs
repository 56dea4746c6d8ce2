using System.Globalization;
using System.Text.Json;

namespace Serverless.Engine.Storage;

/// <summary>Validation and expiry rules both KV implementations share.</summary>
public static class KeyValueRules
{
    public static string Path(string ns, string key)
    {
        StoragePaths.ValidateNamespace(ns);
        StoragePaths.ValidateId(key, "KV key");
        return ns + "/" + key;
    }

    /// <summary>A key prefix may be any start of a valid key; empty means all keys.</summary>
    public static string Prefix(string ns, string? prefix)
    {
        StoragePaths.ValidateNamespace(ns);
        if (!string.IsNullOrEmpty(prefix) && !prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            throw StorageException.InvalidPath("KV key prefix", prefix, "use letters, digits, '.', '_' and '-'");
        }

        return ns + "/" + prefix;
    }

    /// <summary>Checks that <paramref name="jsonValue"/> is exactly one JSON value, so readers can always parse it.</summary>
    public static void ValidateValue(string key, string jsonValue)
    {
        ArgumentNullException.ThrowIfNull(jsonValue);
        try
        {
            using var _ = JsonDocument.Parse(jsonValue);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"The value of KV key '{key}' is not valid JSON: {ex.Message}", nameof(jsonValue), ex);
        }
    }

    /// <summary>The absolute expiry of a TTL, or <see langword="null"/> for none.</summary>
    public static DateTimeOffset? ExpiresAt(TimeSpan? ttl, TimeProvider time)
    {
        if (ttl is null)
        {
            return null;
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl.Value, TimeSpan.Zero, nameof(ttl));
        return time.GetUtcNow() + ttl.Value;
    }

    public static bool IsExpired(DateTimeOffset? expiresAt, TimeProvider time) => expiresAt is { } at && at <= time.GetUtcNow();

    public static string FormatExpiry(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseExpiry(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
}

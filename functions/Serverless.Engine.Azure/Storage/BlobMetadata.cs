using Serverless.Engine.Storage;

namespace Serverless.Engine.Azure.Storage;

/// <summary>Metadata lookups that ignore case, as Azure compares metadata names case-insensitively.</summary>
internal static class BlobMetadata
{
    public static string? Find(IDictionary<string, string>? metadata, string name) =>
        metadata?.FirstOrDefault(pair => string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}

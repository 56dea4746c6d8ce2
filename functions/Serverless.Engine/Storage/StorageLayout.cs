namespace Serverless.Engine.Storage;

/// <summary>
/// Names shared by both implementations: one container (Blob) or top folder (local) per kind, each
/// with the configured prefix. Keeping them in one place keeps the two layouts identical.
/// </summary>
public static class StorageLayout
{
    public const string Flows = "flows";
    public const string NamespaceFiles = "namespace-files";
    public const string InternalStorage = "internal-storage";
    public const string KeyValues = "kv";

    /// <summary>Longest accepted container prefix: the longest kind name plus it stays within Azure's 63.</summary>
    public const int MaxPrefixLength = 20;

    /// <summary>Validates <paramref name="prefix"/> as the start of an Azure container name.</summary>
    public static void ValidatePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length > MaxPrefixLength || prefix.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            || prefix.StartsWith('-'))
        {
            throw StorageException.InvalidPath(
                "container prefix", prefix, $"use at most {MaxPrefixLength} lower-case letters, digits and '-', not starting with '-'");
        }
    }

    /// <summary>The container (or local top folder) name of a kind.</summary>
    public static string Container(string prefix, string kind) => prefix + kind;
}

using Serverless.Engine.Storage;

namespace Serverless.Engine.Tasks.Storage;

/// <summary>
/// The rule for <c>kestra://</c> URIs handed to a task (inputFiles, storage tasks, <c>read()</c>,
/// <c>fileSize()</c>): the URI must be valid and point into the flow's own namespace folder, so an
/// execution cannot read another namespace's files by guessing their URIs.
/// </summary>
/// <remarks>Namespaces are folders in internal storage, so the files of child namespaces are reachable too.</remarks>
internal static class InternalFiles
{
    public static bool IsKestraUri(string? text) =>
        text is not null && text.StartsWith(KestraUris.Scheme + "://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The parsed URI; throws when it is malformed or outside <paramref name="ns"/>.</summary>
    public static Uri CheckNamespace(string uriText, string ns)
    {
        ArgumentNullException.ThrowIfNull(uriText);
        if (!Uri.TryCreate(uriText, UriKind.Absolute, out var uri))
        {
            throw new StorageException(StorageErrorKind.InvalidPath, $"'{uriText}' is not a valid kestra:// URI.");
        }

        var path = KestraUris.ToPath(uri);
        if (!path.StartsWith(StoragePaths.NamespaceToPath(ns) + "/", StringComparison.Ordinal))
        {
            throw new UnauthorizedAccessException($"'{uriText}' is outside namespace '{ns}': a flow can only use the internal storage files of its own namespace.");
        }

        return uri;
    }
}

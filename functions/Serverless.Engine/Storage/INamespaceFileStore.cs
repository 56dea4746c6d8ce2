namespace Serverless.Engine.Storage;

/// <summary>
/// Kestra namespace files: a small file tree per namespace (scripts, templates, configs) that flows
/// read at run time. Paths are user input: every implementation validates them with
/// <see cref="StoragePaths.NormalizeRelative"/> so no path can escape its namespace.
/// </summary>
/// <remarks>
/// Namespace files are not inherited: listing <c>company</c> does not show files of <c>company.team</c>.
/// Writes replace the whole file atomically (readers see the old or the new content, never a mix).
/// </remarks>
public interface INamespaceFileStore
{
    /// <summary>Files of <paramref name="ns"/>, recursively, ordered by path; <paramref name="prefix"/> is a plain path prefix (<c>"docs/"</c>, <c>"scripts/ma"</c>).</summary>
    Task<IReadOnlyList<NamespaceFile>> ListAsync(string ns, string? prefix = null, CancellationToken ct = default);

    /// <summary>Opens the file for reading, or returns <see langword="null"/> when it does not exist. The caller disposes the stream.</summary>
    Task<Stream?> OpenReadAsync(string ns, string path, CancellationToken ct = default);

    /// <summary>Creates or replaces the file with <paramref name="content"/> (read to its end).</summary>
    Task WriteAsync(string ns, string path, Stream content, CancellationToken ct = default);

    /// <summary>Deletes the file; <see langword="false"/> when there was none.</summary>
    Task<bool> DeleteAsync(string ns, string path, CancellationToken ct = default);

    /// <summary>
    /// Renames a file, or a folder (every file under <c>from/</c>) when no file is named <paramref name="from"/>.
    /// Throws <see cref="StorageException"/> (<see cref="StorageErrorKind.NotFound"/>) when nothing is at
    /// <paramref name="from"/> and (<see cref="StorageErrorKind.AlreadyExists"/>) when a target exists: a move never overwrites.
    /// </summary>
    Task MoveAsync(string ns, string from, string to, CancellationToken ct = default);
}

/// <summary>One namespace file as listed: <see cref="Path"/> is the normalized relative path.</summary>
public sealed record NamespaceFile(string Namespace, string Path, long Size, DateTimeOffset LastModified);

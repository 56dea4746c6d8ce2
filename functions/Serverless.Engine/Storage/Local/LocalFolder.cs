namespace Serverless.Engine.Storage;

/// <summary>
/// One top folder of the local layout (the local twin of a blob container). Every path goes through
/// <see cref="StoragePaths.ResolveInside"/>, and writes go to a temporary file first and are renamed into
/// place, so a reader never sees half a file; a create-only write is a single atomic link (<see cref="CreateOnlyMove"/>).
/// </summary>
internal sealed class LocalFolder
{
    private static readonly EnumerationOptions Recursive = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = FileAttributes.ReparsePoint, // never follow or list links someone planted
        IgnoreInaccessible = true,
        MatchType = MatchType.Simple,
    };

    private readonly string _tempDirectory;

    public LocalFolder(string localRoot, string containerPrefix, string kind)
    {
        StorageLayout.ValidatePrefix(containerPrefix);
        var root = Path.GetFullPath(localRoot);
        Root = Path.Join(root, StorageLayout.Container(containerPrefix, kind));
        _tempDirectory = Path.Join(root, ".tmp");
    }

    /// <summary>Full path of the folder.</summary>
    public string Root { get; }

    /// <summary>The full path of a relative path, checked to stay inside <see cref="Root"/>.</summary>
    public string Resolve(string relativePath) => StoragePaths.ResolveInside(Root, relativePath);

    /// <summary>Opens a file for reading, or <see langword="null"/> when it does not exist.</summary>
    public Stream? TryOpenRead(string relativePath)
    {
        var full = Resolve(relativePath);
        try
        {
            return new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes <paramref name="content"/> to the path. With <paramref name="overwrite"/> false the write
    /// is create-only and returns <see langword="false"/> when the file already exists.
    /// </summary>
    public async Task<bool> WriteAsync(string relativePath, Stream content, bool overwrite, CancellationToken ct)
    {
        var full = Resolve(relativePath);
        Directory.CreateDirectory(_tempDirectory);
        var temp = Path.Join(_tempDirectory, Path.GetRandomFileName());
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, ct);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            if (!overwrite)
            {
                return CreateOnlyMove.TryMove(temp, full);
            }

            File.Move(temp, full, overwrite: true);
            return true;
        }
        finally
        {
            File.Delete(temp); // no-op after a successful move
        }
    }

    /// <summary>Deletes a file; <see langword="false"/> when there was none.</summary>
    public bool Delete(string relativePath)
    {
        var full = Resolve(relativePath);
        if (!File.Exists(full))
        {
            return false;
        }

        File.Delete(full);
        return true;
    }

    /// <summary>Renames a file without ever replacing an existing one.</summary>
    public bool MoveNoReplace(string fromRelative, string toRelative)
    {
        var from = Resolve(fromRelative);
        var to = Resolve(toRelative);
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        return CreateOnlyMove.TryMove(from, to);
    }

    /// <summary>
    /// Files below the relative folder (all files when null), as relative paths with '/' separators,
    /// ordered; names that <see cref="StoragePaths"/> would reject (put there by hand) are skipped.
    /// </summary>
    public IEnumerable<(string Path, FileInfo Info)> List(string? relativeFolder)
    {
        var directory = relativeFolder is null ? Root : Resolve(relativeFolder);
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return new DirectoryInfo(directory)
            .EnumerateFiles("*", Recursive)
            .Select(info => (Path: System.IO.Path.GetRelativePath(Root, info.FullName).Replace('\\', '/'), Info: info))
            .Where(entry => IsValid(entry.Path))
            .OrderBy(entry => entry.Path, StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsValid(string path)
    {
        try
        {
            return StoragePaths.NormalizeRelative(path) == path;
        }
        catch (StorageException)
        {
            return false;
        }
    }
}

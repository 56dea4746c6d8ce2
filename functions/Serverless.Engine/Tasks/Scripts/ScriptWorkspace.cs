using System.Text;
using Serverless.Engine.Storage;

namespace Serverless.Engine.Tasks.Scripts;

/// <summary>
/// A fresh temporary folder per attempt (or per WorkingDirectory, shared by its tasks): <c>work/</c> is the script's working directory (namespace files,
/// input files, output files), <c>bin/</c> holds shims, <c>tmp/</c> is the script's TMPDIR. Everything is
/// deleted when the attempt ends, so a retried attempt never sees the files of the one before.
/// </summary>
/// <remarks>
/// Every name written into <c>work/</c> comes from users (flow authors, namespace files) and is checked with
/// <see cref="StoragePaths.ResolveInside"/>: no <c>..</c>, absolute path, backslash or symbolic link can
/// place a file outside the folder, and output files reached through a link that leads outside are refused.
/// </remarks>
internal sealed class ScriptWorkspace : IDisposable
{
    private ScriptWorkspace(string root)
    {
        Root = root;
        WorkingDirectory = Directory.CreateDirectory(Path.Join(root, "work")).FullName;
        BinDirectory = Directory.CreateDirectory(Path.Join(root, "bin")).FullName;
        TempDirectory = Directory.CreateDirectory(Path.Join(root, "tmp")).FullName;
    }

    public string Root { get; }

    public string WorkingDirectory { get; }

    public string BinDirectory { get; }

    public string TempDirectory { get; }

    public static ScriptWorkspace Create() => new(Directory.CreateTempSubdirectory("flows-task-").FullName);

    /// <summary>The full path of <paramref name="relativePath"/> inside the working directory; throws <see cref="StorageException"/> when unsafe.</summary>
    public string Resolve(string relativePath) => StoragePaths.ResolveInside(WorkingDirectory, relativePath);

    /// <summary>Writes a file into the working directory, creating its folders.</summary>
    public async Task WriteAsync(string relativePath, Stream content, CancellationToken ct)
    {
        var full = Resolve(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await using var file = new FileStream(full, FileMode.Create, FileAccess.Write, FileShare.None);
        await content.CopyToAsync(file, ct);
    }

    public Task WriteTextAsync(string relativePath, string content, CancellationToken ct)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        return WriteAsync(relativePath, stream, ct);
    }

    /// <summary>Copies the namespace's files that pass <paramref name="include"/> (all when empty) and not <paramref name="exclude"/>; returns how many.</summary>
    public async Task<int> MaterializeNamespaceFilesAsync(INamespaceFileStore store, string ns, Globs include, Globs exclude, CancellationToken ct)
    {
        var count = 0;
        foreach (var file in await store.ListAsync(ns, ct: ct))
        {
            if ((!include.IsEmpty && !include.Matches(file.Path)) || exclude.Matches(file.Path))
            {
                continue;
            }

            await using var content = await store.OpenReadAsync(ns, file.Path, ct);
            if (content is not null)
            {
                await WriteAsync(file.Path, content, ct);
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Relative paths (with '/') of the files in the working directory matching <paramref name="globs"/>,
    /// ordered. Links are not followed while walking; a matching link that leads outside throws.
    /// </summary>
    public IReadOnlyList<string> FindFiles(Globs globs, IReadOnlySet<string> ignored)
    {
        var found = new List<string>();
        Walk(new DirectoryInfo(WorkingDirectory), "", globs, ignored, found);
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private void Walk(DirectoryInfo directory, string prefix, Globs globs, IReadOnlySet<string> ignored, List<string> found)
    {
        foreach (var entry in directory.EnumerateFileSystemInfos())
        {
            var relative = prefix + entry.Name;
            if (entry is DirectoryInfo sub && entry.LinkTarget is null)
            {
                Walk(sub, relative + "/", globs, ignored, found);
                continue;
            }

            if (ignored.Contains(relative) || !globs.Matches(relative))
            {
                continue;
            }

            // Throws for a link (or a link to a folder) that resolves outside the working directory.
            var full = Resolve(relative);
            if (File.Exists(full))
            {
                found.Add(relative);
            }
        }
    }

    /// <summary>Deletes files the engine wrote for one task (a Python script) from a shared working directory.</summary>
    public void DeleteFiles(IEnumerable<string> relativePaths)
    {
        foreach (var path in relativePaths)
        {
            try
            {
                File.Delete(Resolve(path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or StorageException)
            {
                // Best effort: the whole folder is deleted with the WorkingDirectory anyway.
            }
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A script may leave read-only folders behind; the OS temp cleaner gets them.
        }
    }
}

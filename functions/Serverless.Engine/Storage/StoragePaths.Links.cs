namespace Serverless.Engine.Storage;

/// <summary>Containment of user paths inside a real directory, symbolic links included.</summary>
public static partial class StoragePaths
{
    private const int MaxLinkDepth = 40;

    /// <summary>
    /// Returns the full path of <paramref name="relativePath"/> under <paramref name="rootDirectory"/>,
    /// guaranteed to stay inside the root even through symbolic links: every existing segment is
    /// resolved (links to links, relative targets, dangling links whose target would be created) and the
    /// real location must be the root's real location or below it.
    /// </summary>
    /// <remarks>
    /// This is a check at call time, not a sandbox: a process that can create links inside the root
    /// between the check and the use can still race it. Links that stay inside the root are allowed.
    /// </remarks>
    public static string ResolveInside(string rootDirectory, string relativePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootDirectory);
        var relative = NormalizeRelative(relativePath);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootDirectory));
        var full = Path.Join(root, relative.Replace('/', Path.DirectorySeparatorChar));

        string realRoot;
        string realFull;
        try
        {
            realRoot = RealPath(root, 0);
            realFull = RealPath(full, 0);
        }
        catch (IOException ex)
        {
            throw new StorageException(StorageErrorKind.InvalidPath, $"Invalid path '{StorageException.Printable(relativePath)}': its symbolic links cannot be resolved ({ex.Message}).", ex);
        }

        if (!IsSameOrBelow(realFull, realRoot))
        {
            throw StorageException.InvalidPath("path", relativePath, "a symbolic link leads outside the root directory");
        }

        return full;
    }

    private static bool IsSameOrBelow(string path, string root)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var trimmedRoot = Path.TrimEndingDirectorySeparator(root);
        return path.Equals(trimmedRoot, comparison)
            || (path.StartsWith(trimmedRoot, comparison)
                && (trimmedRoot.EndsWith(Path.DirectorySeparatorChar) || path[trimmedRoot.Length] == Path.DirectorySeparatorChar));
    }

    /// <summary>The path with every symbolic link along it replaced by its target, segment by segment, as the kernel walks it.</summary>
    private static string RealPath(string fullPath, int depth)
    {
        if (depth > MaxLinkDepth)
        {
            throw new IOException("too many levels of symbolic links");
        }

        var rootPart = Path.GetPathRoot(fullPath) ?? throw new IOException($"'{fullPath}' has no root");
        var current = rootPart;
        var separators = new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar };
        foreach (var segment in fullPath[rootPart.Length..].Split(separators, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Step(current, segment, depth);
        }

        return current;
    }

    private static string Step(string current, string segment, int depth)
    {
        switch (segment)
        {
            case ".":
                return current;
            case "..":
                return Path.GetDirectoryName(current) ?? current;
        }

        var candidate = Path.Join(current, segment);
        var target = new FileInfo(candidate).LinkTarget;
        if (target is null)
        {
            return candidate;
        }

        // A link target is walked like a path of its own (relative to the link's folder), so '..' in it
        // applies after the links before it are resolved, exactly as the kernel does.
        var targetFull = Path.IsPathRooted(target) ? target : Path.Join(current, target);
        return RealPath(targetFull, depth + 1);
    }
}

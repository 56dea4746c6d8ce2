namespace Serverless.Engine.Storage;

/// <summary>Rules both namespace-file implementations share: the storage path and how a move is planned.</summary>
public static class NamespaceFilePaths
{
    /// <summary><c>{namespace}/{path}</c>, both validated.</summary>
    public static string Combine(string ns, string path)
    {
        StoragePaths.ValidateNamespace(ns);
        return ns + "/" + StoragePaths.NormalizeRelative(path);
    }

    /// <summary>
    /// The file renames a move needs, given the namespace's current paths: one file, or every file under
    /// the folder <paramref name="from"/>. Fails before anything moves when the source is missing, a
    /// target exists, or a folder would move into itself.
    /// </summary>
    public static IReadOnlyList<(string From, string To)> PlanMove(string ns, string from, string to, IReadOnlyCollection<string> existing)
    {
        StoragePaths.ValidateNamespace(ns);
        var source = StoragePaths.NormalizeRelative(from);
        var target = StoragePaths.NormalizeRelative(to);
        var existingSet = existing.ToHashSet(StringComparer.Ordinal);

        List<(string From, string To)> moves;
        if (existingSet.Contains(source))
        {
            moves = [(source, target)];
        }
        else
        {
            if (target.StartsWith(source + "/", StringComparison.Ordinal))
            {
                throw new StorageException(StorageErrorKind.InvalidPath, $"Cannot move folder '{ns}/{source}' into itself ('{target}').");
            }

            moves = existing
                .Where(path => path.StartsWith(source + "/", StringComparison.Ordinal))
                .Select(path => (path, target + path[source.Length..]))
                .ToList();
        }

        if (moves.Count == 0)
        {
            throw StorageException.NotFound($"Namespace file or folder '{ns}/{source}'");
        }

        foreach (var (_, destination) in moves)
        {
            if (existingSet.Contains(destination) || existing.Any(path => path.StartsWith(destination + "/", StringComparison.Ordinal)))
            {
                throw TargetExists(ns, destination);
            }
        }

        return moves;
    }

    public static StorageException TargetExists(string ns, string path) =>
        new(StorageErrorKind.AlreadyExists, $"Namespace file '{ns}/{path}' already exists; a move never overwrites.");
}

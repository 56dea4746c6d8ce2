namespace Serverless.Cli.Commands;

/// <summary>Finds flow files from paths given on the command line.</summary>
internal static class FlowFiles
{
    /// <summary>Files as given, and the .yaml/.yml files under given folders (sorted); missing paths reported apart.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, out IReadOnlyList<string> missing)
    {
        var files = new List<string>();
        var notFound = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                notFound.Add(path);
            }
        }

        missing = notFound;
        return files;
    }
}

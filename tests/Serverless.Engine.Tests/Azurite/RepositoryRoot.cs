using System.Runtime.CompilerServices;

namespace Serverless.Engine.Tests.Azurite;

/// <summary>Finds the repository root (the folder holding Serverless.sln) for tools installed there.</summary>
public static class RepositoryRoot
{
    public const string SolutionFile = "Serverless.sln";

    /// <summary>
    /// Walks up from the test binaries, the working directory and this source file's compile-time
    /// location: builds with <c>--artifacts-path</c> put the binaries outside the repository.
    /// </summary>
    public static string Find() =>
        new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, Path.GetDirectoryName(SourceFile()) ?? "" }
            .Select(WalkUp)
            .FirstOrDefault(root => root is not null)
        ?? throw new InvalidOperationException($"Cannot find {SolutionFile} above '{AppContext.BaseDirectory}' or '{Environment.CurrentDirectory}'.");

    private static string? WalkUp(string start)
    {
        for (var directory = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Join(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;
}

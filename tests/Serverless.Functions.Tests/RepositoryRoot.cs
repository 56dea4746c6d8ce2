using System.Reflection;

namespace Serverless.Functions.Tests;

/// <summary>
/// The checkout the tests run from: the folder holding <c>Serverless.sln</c>, found by walking up from
/// the test binaries, or from the project folder baked in at build time when the binaries sit outside
/// the checkout (<c>--artifacts-path</c>). The tests read infra/ in place, so they check what is committed.
/// </summary>
internal static class RepositoryRoot
{
    private const string SolutionFile = "Serverless.sln";

    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) =>
        System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        var projectDirectory = typeof(RepositoryRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "ProjectDirectory")?.Value;
        string?[] starts = [AppContext.BaseDirectory, projectDirectory];
        foreach (var start in starts.OfType<string>())
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, SolutionFile)))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"No '{SolutionFile}' above '{AppContext.BaseDirectory}' or '{projectDirectory}'.");
    }
}

using System.Reflection;

namespace Serverless.Tests;

/// <summary>
/// The checkout the tests belong to, recorded at build time (tests/Directory.Build.props), so tests read
/// repository files (flows, infra, node_modules) wherever the build output goes (<c>--artifacts-path</c>).
/// </summary>
public static class RepositoryRoot
{
    public static string Path { get; } = typeof(RepositoryRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}

using System.Reflection;
using System.Text.Json;
using System.Xml.Linq;

namespace Serverless.Engine.Tests.Architecture;

/// <summary>
/// The project graph the README describes: a pure engine, Azure adapters, the API and its one ASP.NET Core
/// adapter, the embedded backend, thin hosts. Each rule is read from the real build: the engine's restored
/// package closure, its compiled references, and every project file.
/// </summary>
public sealed class ProjectGraphTests
{
    /// <summary>Projects that host: only they may reference the embedded backend (tests aside).</summary>
    private static readonly string[] EmbeddedBackendHosts = ["Serverless.Cli", "Serverless.Serve"];

    [Fact]
    public void Engine_RestoresNoAzurePackage_DirectlyOrTransitively()
    {
        var packages = RestoredPackages("Serverless.Engine");

        // The Durable Task Framework core under the SDK's abstractions carries "Azure" in its name only: it
        // is storage-agnostic. Every other Microsoft.Azure.* package is a host or a storage provider.
        Assert.NotEmpty(packages);
        Assert.DoesNotContain(packages, p => p.StartsWith("Azure.", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(packages, p => p.StartsWith("Microsoft.Azure.", StringComparison.OrdinalIgnoreCase) && p != "Microsoft.Azure.DurableTask.Core");
    }

    [Fact]
    public void Engine_ReferencesNoHostNorAzureAssembly()
    {
        var engine = typeof(Serverless.Engine.Parsing.FlowParser).Assembly;

        var forbidden = engine.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Azure.", StringComparison.Ordinal)
                || n.StartsWith("Microsoft.Azure.", StringComparison.Ordinal)
                || n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                || n.StartsWith("Grpc.", StringComparison.Ordinal)
                || (n.StartsWith("Serverless.", StringComparison.Ordinal) && n != "Serverless.Engine")
                || n == "flows")
            .ToList();

        Assert.Empty(forbidden);
    }

    [Fact]
    public void Engine_ProjectReferencesNothingOfOurs()
    {
        Assert.Empty(ProjectReferences(FunctionsProject("Serverless.Engine")));
    }

    [Fact]
    public void EmbeddedBackend_IsReferencedOnlyByHostsAndTests()
    {
        var referrers = Projects("functions")
            .Where(p => ProjectReferences(p).Any(r => r.Name == "Serverless.Durable.Embedded"))
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(EmbeddedBackendHosts, referrers);
    }

    [Fact]
    public void TestProjects_CompileAgainstNoExecutableButTheirOwnHost()
    {
        var executables = Projects("functions")
            .Where(p => XDocument.Load(p).Descendants("OutputType").Any(o => o.Value == "Exe"))
            .Select(Path.GetFileNameWithoutExtension)
            .ToHashSet(StringComparer.Ordinal);
        var offending = new List<string>();
        foreach (var test in Projects("tests"))
        {
            var name = Path.GetFileNameWithoutExtension(test)!;
            foreach (var reference in ProjectReferences(test).Where(r => r.CompiledAgainst && executables.Contains(r.Name)))
            {
                if (name != reference.Name + ".Tests")
                {
                    offending.Add($"{name} -> {reference.Name}");
                }
            }
        }

        Assert.Contains("Serverless.Cli", executables);
        Assert.Contains("Serverless.Functions", executables);
        Assert.Empty(offending);
    }

    [Fact]
    public void EveryFunctionsProject_HasATestProjectMirroringIt()
    {
        var missing = Projects("functions")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => !File.Exists(RepositoryRoot.Combine("tests", n + ".Tests", n + ".Tests.csproj")))
            .ToList();

        Assert.Empty(missing);
    }

    /// <summary>The project files under a top-level folder, leaving out what builds generate (obj, bin).</summary>
    private static IEnumerable<string> Projects(string folder) =>
        Directory.EnumerateFiles(RepositoryRoot.Combine(folder), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(segment => segment is "obj" or "bin"));

    private static string FunctionsProject(string name) => RepositoryRoot.Combine("functions", name, name + ".csproj");

    private static List<(string Name, bool CompiledAgainst)> ProjectReferences(string projectFile) =>
        [.. XDocument.Load(projectFile).Descendants("ProjectReference").Select(r => (
            Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')),
            !string.Equals((string?)r.Attribute("ReferenceOutputAssembly"), "false", StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Every package in the project's restored closure (NuGet's own record of the graph).</summary>
    private static List<string> RestoredPackages(string project)
    {
        var assets = RepositoryRoot.Combine("functions", project, "obj", "project.assets.json");
        using var document = JsonDocument.Parse(File.ReadAllText(assets));
        return [.. document.RootElement.GetProperty("targets").EnumerateObject()
            .SelectMany(t => t.Value.EnumerateObject())
            .Where(p => p.Value.GetProperty("type").GetString() == "package")
            .Select(p => p.Name.Split('/')[0])
            .Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}

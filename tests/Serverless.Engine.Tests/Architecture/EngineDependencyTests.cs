using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Architecture;

public sealed class EngineDependencyTests
{
    [Fact]
    public void Engine_ReferencesNoAzureFunctionsAssembly()
    {
        var engine = typeof(Serverless.Engine.Parsing.FlowParser).Assembly;

        var functions = engine.GetReferencedAssemblies()
            .Where(a => a.Name!.StartsWith("Microsoft.Azure.Functions", StringComparison.Ordinal))
            .Select(a => a.Name)
            .ToList();

        Assert.Empty(functions);
    }

    [Fact]
    public void EngineProject_DeclaresNoAzureFunctionsPackage()
    {
        var project = File.ReadAllText(RepositoryRoot.Combine("functions", "Serverless.Engine", "Serverless.Engine.csproj"));

        Assert.DoesNotContain("Microsoft.Azure.Functions", project, StringComparison.Ordinal);
    }
}

using YamlDotNet.RepresentationModel;

namespace Serverless.Infra.Tests.Azd;

public sealed class AzureYamlTests
{
    private static readonly YamlMappingNode Root = Load();

    [Fact]
    public void AzureYaml_Name_IsServerlessFlows() =>
        Assert.Equal("serverless-flows", Scalar(Root, "name"));

    [Fact]
    public void AzureYaml_ApiService_IsTheDotnetFunctionsProject()
    {
        var api = Mapping(Mapping(Root, "services"), "api");

        Assert.Equal("./functions/Serverless.Functions", Scalar(api, "project"));
        Assert.Equal("dotnet", Scalar(api, "language"));
        Assert.Equal("function", Scalar(api, "host"));
        Assert.True(File.Exists(RepositoryRoot.Combine("functions", "Serverless.Functions", "Serverless.Functions.csproj")));
    }

    [Theory]
    [InlineData("posix")]
    [InlineData("windows")]
    public void AzureYaml_PostprovisionHook_PointsAtAnExistingScript(string platform)
    {
        var hook = Mapping(Mapping(Mapping(Root, "hooks"), "postprovision"), platform);
        var script = Scalar(hook, "run");

        Assert.True(File.Exists(RepositoryRoot.Combine(script.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".").ToArray())), script);
    }

    private static YamlMappingNode Load()
    {
        using var reader = new StreamReader(RepositoryRoot.Combine("azure.yaml"));
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) =>
        Assert.IsType<YamlMappingNode>(node.Children[new YamlScalarNode(key)]);

    private static string Scalar(YamlMappingNode node, string key) =>
        Assert.IsType<YamlScalarNode>(node.Children[new YamlScalarNode(key)]).Value ?? string.Empty;
}

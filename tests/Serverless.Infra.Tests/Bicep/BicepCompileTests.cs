using System.Text.Json;
using Serverless.Infra.Tests.Template;

namespace Serverless.Infra.Tests.Bicep;

[Collection(CompiledInfraCollection.Name)]
public sealed class BicepCompileTests(CompiledInfraFixture infra)
{
    [Fact]
    public void Build_MainTemplate_SucceedsWithoutDiagnostics()
    {
        Assert.True(infra.Build.ExitCode == 0, infra.Build.ToString());
        Assert.Empty(infra.Build.Diagnostics);
    }

    [Fact]
    public async Task Lint_MainTemplateAndModules_ReportsNothing()
    {
        var lint = await BicepCli.RunAsync("lint", CompiledInfraFixture.MainBicep);

        Assert.True(lint.ExitCode == 0, lint.ToString());
        Assert.Empty(lint.Diagnostics);
        Assert.Equal(string.Empty, lint.StandardOutput.Trim());
    }

    [Fact]
    public void Build_MainTemplate_TargetsSubscriptionAndCreatesTaggedResourceGroup()
    {
        Assert.Contains("subscriptionDeploymentTemplate", infra.Template.Root.GetProperty("$schema").GetString(), StringComparison.Ordinal);

        var group = infra.Template.Single("Microsoft.Resources/resourceGroups");
        Assert.Contains("azd-env-name", group.Resolved("tags").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Config_Linter_IsOnWithSecretRulesAsErrors()
    {
        // bicepconfig.json is JSON with comments; without it the linter would run on defaults only.
        using var config = JsonDocument.Parse(
            File.ReadAllText(RepositoryRoot.Combine("infra", "bicepconfig.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var core = config.RootElement.GetProperty("analyzers").GetProperty("core");
        var rules = core.GetProperty("rules");

        Assert.True(core.GetProperty("enabled").GetBoolean());
        Assert.Equal("error", rules.GetProperty("outputs-should-not-contain-secrets").GetProperty("level").GetString());
        Assert.Equal("error", rules.GetProperty("secure-secrets-in-params").GetProperty("level").GetString());
    }

    [Fact]
    public void Modules_EveryAppModule_IsCompiledIntoMain()
    {
        // Lint and build only see what main.bicep references; an orphan module would go unchecked.
        var referenced = File.ReadAllText(RepositoryRoot.Combine("infra", "main.bicep"));
        var modules = Directory.GetFiles(RepositoryRoot.Combine("infra", "app"), "*.bicep");

        Assert.NotEmpty(modules);
        Assert.All(modules, path => Assert.Contains($"'app/{Path.GetFileName(path)}'", referenced, StringComparison.Ordinal));
    }

    [Fact]
    public void Sources_AllBicepFiles_UseNoRegistryModules()
    {
        // Registry references need the network at build time; every module is a local file.
        var files = Directory.GetFiles(RepositoryRoot.Combine("infra"), "*.bicep", SearchOption.AllDirectories);

        Assert.All(files, path =>
        {
            var text = File.ReadAllText(path);
            Assert.DoesNotContain("'br/", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'br:", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'ts:", text, StringComparison.Ordinal);
        });
    }
}

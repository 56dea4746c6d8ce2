using System.Text.Json;
using Serverless.Infra.Tests.Template;

namespace Serverless.Infra.Tests.Azd;

[Collection(CompiledInfraCollection.Name)]
public sealed class ParametersFileTests(CompiledInfraFixture infra)
{
    private static readonly JsonElement Parameters = Load();

    [Theory]
    [InlineData("environmentName", "${AZURE_ENV_NAME}")]
    [InlineData("location", "${AZURE_LOCATION}")]
    [InlineData("principalId", "${AZURE_PRINCIPAL_ID}")]
    public void ParametersFile_AzdParameter_IsSubstitutedFromTheEnvironment(string name, string value) =>
        Assert.Equal(value, Parameters.GetProperty(name).GetProperty("value").GetString());

    [Fact]
    public void ParametersFile_EveryParameter_IsDeclaredByMain()
    {
        var declared = infra.Template.Root.GetProperty("parameters");

        Assert.All(Parameters.EnumerateObject(), p => Assert.True(declared.TryGetProperty(p.Name, out _), p.Name));
    }

    [Fact]
    public void ParametersFile_EveryRequiredParameter_IsSupplied()
    {
        var required = infra.Template.Root.GetProperty("parameters").EnumerateObject()
            .Where(p => !p.Value.TryGetProperty("defaultValue", out _))
            .Select(p => p.Name)
            .ToList();

        Assert.NotEmpty(required);
        Assert.All(required, name => Assert.True(Parameters.TryGetProperty(name, out _), name));
    }

    private static JsonElement Load()
    {
        var json = File.ReadAllText(RepositoryRoot.Combine("infra", "main.parameters.json"));
        return JsonDocument.Parse(json).RootElement.GetProperty("parameters").Clone();
    }
}

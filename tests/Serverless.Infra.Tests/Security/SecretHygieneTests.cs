using System.Text.RegularExpressions;
using Serverless.Infra.Tests.Template;

namespace Serverless.Infra.Tests.Security;

[Collection(CompiledInfraCollection.Name)]
public sealed partial class SecretHygieneTests(CompiledInfraFixture infra)
{
    [Theory]
    [InlineData("listKeys")]
    [InlineData("listAccountSas")]
    [InlineData("listServiceSas")]
    [InlineData("listConnectionStrings")]
    [InlineData("AccountKey")]
    [InlineData("SharedAccessSignature")]
    public void Template_KeyMaterial_IsNeverRead(string marker) =>
        Assert.DoesNotContain(marker, infra.Template.RawJson, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void Sources_BicepFiles_NeverListKeys()
    {
        var files = Directory.GetFiles(RepositoryRoot.Combine("infra"), "*.bicep", SearchOption.AllDirectories);

        Assert.All(files, path => Assert.DoesNotContain("listKeys", File.ReadAllText(path), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Outputs_Names_DoNotLookSecret()
    {
        Assert.NotEmpty(infra.Template.Outputs);
        Assert.All(infra.Template.Outputs, o => Assert.DoesNotMatch(SecretName(), o.Name.Replace("KEY_VAULT", "VAULT", StringComparison.Ordinal)));
    }

    [Fact]
    public void Outputs_Values_CarryNoSecrets() =>
        Assert.All(infra.Template.Outputs, o => Assert.DoesNotMatch(SecretValue(), o.ValueText));

    [Fact]
    public void Outputs_Types_AreNotSecure() =>
        Assert.All(infra.Template.Outputs, o => Assert.DoesNotContain("secure", o.Type, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void Outputs_Main_ExposeWhatAzdNeeds()
    {
        var main = infra.Template.Outputs.Where(o => o.Module == ArmTemplate.MainModule).Select(o => o.Name).ToList();

        Assert.Contains("AZURE_LOCATION", main);
        Assert.Contains("AZURE_TENANT_ID", main);
        Assert.Contains("RESOURCE_GROUP", main);
        Assert.Contains("AZURE_FUNCTION_APP_NAME", main);
        Assert.Contains("SERVICE_API_NAME", main);
        Assert.Contains("SERVICE_API_URI", main);
        Assert.Contains("AZURE_STORAGE_ACCOUNT_NAME", main);
        Assert.Contains("AZURE_STORAGE_BLOB_ENDPOINT", main);
        Assert.Contains("AZURE_KEY_VAULT_NAME", main);
    }

    [GeneratedRegex(@"(?i)(secret|password|passwd|connection_?string|account_?key|instrumentation_?key|api_?key|token|(^|_)sas($|_)|(^|_)keys?($|_)|[a-z]Keys?$)")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(?i)(connectionstring|instrumentationkey|listkeys|list[a-z]*\(|secret|password|accountkey)")]
    private static partial Regex SecretValue();
}

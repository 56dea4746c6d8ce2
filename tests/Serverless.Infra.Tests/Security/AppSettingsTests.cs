using Serverless.Infra.Tests.Template;

namespace Serverless.Infra.Tests.Security;

[Collection(CompiledInfraCollection.Name)]
public sealed class AppSettingsTests(CompiledInfraFixture infra)
{
    // The settings object is one union(...) expression, so names and literal values are matched in its text.
    private string Settings => infra.Template.OfType("Microsoft.Web/sites/config")
        .Single(c => c.Name.Contains("'appsettings'", StringComparison.Ordinal))
        .At("properties").GetRawText();

    [Theory]
    [InlineData("AzureWebJobsStorage")]
    [InlineData("FlowsStorage")]
    public void AppSettings_StorageConnection_IsIdentityBased(string connection)
    {
        Assert.Contains($"'{connection}__blobServiceUri'", Settings, StringComparison.Ordinal);
        Assert.Contains($"'{connection}__queueServiceUri'", Settings, StringComparison.Ordinal);
        Assert.Contains($"'{connection}__tableServiceUri'", Settings, StringComparison.Ordinal);
        Assert.Contains($"'{connection}__credential', 'managedidentity'", Settings, StringComparison.Ordinal);
        Assert.Contains($"'{connection}__clientId', parameters('identityClientId')", Settings, StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_StorageConnection_HasNoConnectionString()
    {
        Assert.DoesNotContain("'AzureWebJobsStorage',", Settings, StringComparison.Ordinal);
        Assert.DoesNotContain("'FlowsStorage',", Settings, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", Settings, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AppSettings_ApplicationInsights_AuthenticatesWithEntraId()
    {
        Assert.Contains("'APPLICATIONINSIGHTS_CONNECTION_STRING'", Settings, StringComparison.Ordinal);
        Assert.Contains("'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', format('ClientId={0};Authorization=AAD', parameters('identityClientId'))", Settings, StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_TaskHub_IsSet() =>
        Assert.Contains("'DURABLE_TASK_HUB', parameters('taskHubName')", Settings, StringComparison.Ordinal);

    [Fact]
    public void AppSettings_KeyVaultUrl_IsSetOnlyWhenAVaultIsGiven()
    {
        var api = infra.Template.Module("api");

        Assert.Contains("FLOWS_KEYVAULT_URL", api.ModuleText, StringComparison.Ordinal);
        Assert.Contains("empty(parameters('keyVaultUri'))", api.ModuleText, StringComparison.Ordinal);
        Assert.Contains("if(parameters('enableKeyVault')", api.At("properties.parameters.keyVaultUri").GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FLOWS_STORAGE_FLOWS_CONTAINER", "flows")]
    [InlineData("FLOWS_STORAGE_NAMESPACE_FILES_CONTAINER", "namespace-files")]
    [InlineData("FLOWS_STORAGE_INTERNAL_CONTAINER", "internal-storage")]
    [InlineData("FLOWS_STORAGE_KV_CONTAINER", "kv")]
    [InlineData("FLOWS_TRIGGER_INBOX_CONTAINER", "trigger-inbox")]
    [InlineData("FLOWS_TRIGGER_QUEUE", "flow-triggers")]
    [InlineData("FLOWS_TABLE_EXECUTIONS", "executions")]
    [InlineData("FLOWS_TABLE_TASKRUNS", "taskruns")]
    [InlineData("FLOWS_TABLE_LOGS", "logs")]
    [InlineData("FLOWS_TABLE_FLOWS", "flows")]
    [InlineData("FLOWS_TABLE_TRIGGERS", "triggers")]
    public void AppSettings_DataStoreName_MatchesTheProvisionedStore(string setting, string name)
    {
        var api = infra.Template.Module("api");
        var value = api.Resolve(api.At("properties.parameters.appSettings.value").GetProperty(setting));

        Assert.Equal(name, value.GetString());
    }
}

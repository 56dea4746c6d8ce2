using Serverless.Infra.Tests.Template;

namespace Serverless.Infra.Tests.Resources;

[Collection(CompiledInfraCollection.Name)]
public sealed class MonitoringAndKeyVaultTests(CompiledInfraFixture infra)
{
    [Fact]
    public void ApplicationInsights_LocalAuth_IsDisabled() =>
        Assert.True(infra.Template.Single("Microsoft.Insights/components").BoolAt("properties.DisableLocalAuth"));

    [Fact]
    public void KeyVault_Access_IsRbacOnly() =>
        Assert.True(infra.Template.Single("Microsoft.KeyVault/vaults").BoolAt("properties.enableRbacAuthorization"));

    [Fact]
    public void KeyVault_Module_IsOffByDefault()
    {
        var enable = infra.Template.Root.GetProperty("parameters").GetProperty("enableKeyVault");

        Assert.False(enable.GetProperty("defaultValue").GetBoolean());
        Assert.Equal("[parameters('enableKeyVault')]", infra.Template.Module("keyvault").At("condition").GetString());
    }
}

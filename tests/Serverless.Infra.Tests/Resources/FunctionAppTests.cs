using Serverless.Infra.Tests.Template;

namespace Serverless.Infra.Tests.Resources;

[Collection(CompiledInfraCollection.Name)]
public sealed class FunctionAppTests(CompiledInfraFixture infra)
{
    private ArmResource Site => infra.Template.Single("Microsoft.Web/sites");

    [Fact]
    public void Plan_Sku_IsFlexConsumptionFc1()
    {
        var plan = infra.Template.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", plan.StringAt("sku.name"));
        Assert.Equal("FlexConsumption", plan.StringAt("sku.tier"));
        Assert.Equal("functionapp", plan.StringAt("kind"));
        Assert.True(plan.BoolAt("properties.reserved"));
    }

    [Fact]
    public void FunctionApp_Kind_IsLinuxFunctionApp() =>
        Assert.Equal("functionapp,linux", Site.StringAt("kind"));

    [Fact]
    public void FunctionApp_HttpsOnly_IsEnabled() =>
        Assert.True(Site.BoolAt("properties.httpsOnly"));

    [Fact]
    public void FunctionApp_SiteConfig_RequiresTls12AndDisablesFtp()
    {
        Assert.Equal("1.2", Site.StringAt("properties.siteConfig.minTlsVersion"));
        Assert.Equal("Disabled", Site.StringAt("properties.siteConfig.ftpsState"));
    }

    [Fact]
    public void FunctionApp_Runtime_IsDotnetIsolated10()
    {
        Assert.Equal("dotnet-isolated", Site.StringAt("properties.functionAppConfig.runtime.name"));
        Assert.Equal("10.0", Site.StringAt("properties.functionAppConfig.runtime.version"));
    }

    [Fact]
    public void FunctionApp_DeploymentStorage_AuthenticatesWithUserAssignedIdentity()
    {
        Assert.Equal("blobContainer", Site.StringAt("properties.functionAppConfig.deployment.storage.type"));
        Assert.Equal("UserAssignedIdentity", Site.StringAt("properties.functionAppConfig.deployment.storage.authentication.type"));
        Assert.Contains("identityResourceId", Site.StringAt("properties.functionAppConfig.deployment.storage.authentication.userAssignedIdentityResourceId"), StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionApp_Scale_IsParameterised()
    {
        Assert.Contains("parameters('maximumInstanceCount')", Site.At("properties.functionAppConfig.scaleAndConcurrency.maximumInstanceCount").GetRawText(), StringComparison.Ordinal);
        Assert.Contains("parameters('instanceMemoryMB')", Site.At("properties.functionAppConfig.scaleAndConcurrency.instanceMemoryMB").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionApp_Tags_NameTheAzdApiService() =>
        Assert.Contains("'azd-service-name', 'api'", Site.At("tags").GetRawText(), StringComparison.Ordinal);

    [Fact]
    public void FunctionApp_PublishingCredentials_AreDisabled()
    {
        var policies = infra.Template.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies");

        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.False(p.BoolAt("properties.allow")));
    }
}

using System.Text.RegularExpressions;
using Serverless.Infra.Tests.Template;

namespace Serverless.Infra.Tests.Security;

[Collection(CompiledInfraCollection.Name)]
public sealed partial class RoleAssignmentTests(CompiledInfraFixture infra)
{
    private IReadOnlyList<ArmResource> Assignments =>
        infra.Template.OfType("Microsoft.Authorization/roleAssignments");

    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "rbac")] // Storage Blob Data Owner
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88", "rbac")] // Storage Queue Data Contributor
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "rbac")] // Storage Table Data Contributor
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb", "rbac")] // Monitoring Metrics Publisher
    [InlineData("4633458b-17de-408a-b874-0445c86b69e6", "keyvault")] // Key Vault Secrets User
    public void RoleAssignments_Role_IsGrantedByItsModule(string roleDefinitionId, string module)
    {
        var inModule = Assignments.Where(a => a.Module == module).ToList();

        Assert.NotEmpty(inModule);
        Assert.Contains(roleDefinitionId, inModule[0].ModuleText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void RoleAssignments_Names_AreGuidOfScopePrincipalAndRole() =>
        Assert.All(Assignments, a => Assert.Matches(GuidName(), a.Name));

    [Fact]
    public void RoleAssignments_AppIdentity_IsAServicePrincipal()
    {
        var forIdentity = Assignments
            .Where(a => a.Name.Contains("managedIdentityPrincipalId", StringComparison.Ordinal)
                || a.Name.Contains("readerPrincipalId", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(3, forIdentity.Count); // storage roles (one copy loop), metrics publisher, secrets user
        Assert.All(forIdentity, a => Assert.Equal("ServicePrincipal", a.StringAt("properties.principalType")));
    }

    [Fact]
    public void RoleAssignments_DeployingUser_IsGrantedOnlyWhenGiven()
    {
        var forUser = Assignments.Single(a => a.Name.Contains("userPrincipalId", StringComparison.Ordinal));

        Assert.Equal("[not(empty(parameters('userPrincipalId')))]", forUser.At("condition").GetString());
    }

    [GeneratedRegex(@"^\[guid\(resourceId\('[^']+', parameters\('\w+'\)\), parameters\('\w*[pP]rincipalId'\), subscriptionResourceId\('Microsoft\.Authorization/roleDefinitions', ")]
    private static partial Regex GuidName();
}

using System.Text.Json;
using Serverless.Infra.Tests.Template;

namespace Serverless.Infra.Tests.Resources;

[Collection(CompiledInfraCollection.Name)]
public sealed class StorageAccountTests(CompiledInfraFixture infra)
{
    private ArmResource Account => infra.Template.Single("Microsoft.Storage/storageAccounts");

    [Fact]
    public void StorageAccount_SharedKeyAccess_IsDisabled() =>
        Assert.False(Account.BoolAt("properties.allowSharedKeyAccess"));

    [Fact]
    public void StorageAccount_MinimumTls_Is12() =>
        Assert.Equal("TLS1_2", Account.StringAt("properties.minimumTlsVersion"));

    [Fact]
    public void StorageAccount_BlobPublicAccess_IsDisabled() =>
        Assert.False(Account.BoolAt("properties.allowBlobPublicAccess"));

    [Fact]
    public void StorageAccount_HttpTraffic_IsRefused() =>
        Assert.True(Account.BoolAt("properties.supportsHttpsTrafficOnly"));

    [Theory]
    [InlineData("containerNames", "flows")]
    [InlineData("containerNames", "namespace-files")]
    [InlineData("containerNames", "internal-storage")]
    [InlineData("containerNames", "kv")]
    [InlineData("containerNames", "trigger-inbox")]
    [InlineData("queueNames", "flow-triggers")]
    [InlineData("tableNames", "executions")]
    [InlineData("tableNames", "taskruns")]
    [InlineData("tableNames", "logs")]
    [InlineData("tableNames", "flows")]
    [InlineData("tableNames", "triggers")]
    public void StorageModule_AppDataStore_IsCreated(string parameter, string name) =>
        Assert.Contains(name, StorageModuleList(parameter));

    [Fact]
    public void StorageModule_DeploymentPackageContainer_IsCreated() =>
        Assert.Contains(StorageModuleList("containerNames"), n => n.Contains("app-package-", StringComparison.Ordinal));

    private List<string> StorageModuleList(string parameter)
    {
        var storage = infra.Template.Module("storage");
        return storage.At($"properties.parameters.{parameter}.value")
            .EnumerateArray()
            .Select(storage.Resolve)
            .Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() ?? string.Empty : e.GetRawText())
            .ToList();
    }
}

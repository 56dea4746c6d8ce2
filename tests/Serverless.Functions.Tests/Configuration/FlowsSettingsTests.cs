using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Serverless.Functions.Configuration;

namespace Serverless.Functions.Tests.Configuration;

public sealed partial class FlowsSettingsTests
{
    [Fact]
    public void From_NoSettings_UsesTheBicepNames()
    {
        var settings = FlowsSettings.From(new ConfigurationBuilder().Build());

        Assert.Equal(("trigger-inbox", "flow-triggers", "triggers"), (settings.TriggerInboxContainer, settings.TriggerQueue, settings.TriggersTable));
        Assert.Empty(settings.Problems());
    }

    [Fact]
    public void From_AppSettings_ReadsEachOne()
    {
        var settings = FlowsSettings.From(Config(new()
        {
            ["FLOWS_TRIGGER_INBOX_CONTAINER"] = "inbox",
            ["FLOWS_TRIGGER_QUEUE"] = "q",
            ["FLOWS_TABLE_TRIGGERS"] = "trig",
            ["FLOWS_TABLE_EXECUTIONS"] = "ex",
            ["DURABLE_TASK_HUB"] = "hub1",
        }));

        Assert.Equal(("inbox", "q", "trig", "ex", "hub1"), (settings.TriggerInboxContainer, settings.TriggerQueue, settings.TriggersTable, settings.ExecutionsTable, settings.TaskHub));
    }

    [Fact]
    public void Problems_ContainerNameOutsideTheLayout_IsReported()
    {
        var settings = FlowsSettings.From(Config(new() { ["FLOWS_STORAGE_KV_CONTAINER"] = "keyvalues" }));

        var problem = Assert.Single(settings.Problems());
        Assert.Contains("FLOWS_STORAGE_KV_CONTAINER is 'keyvalues'", problem);
    }

    [Fact]
    public void Bicep_EverySettingItDefines_IsReadByTheApp()
    {
        var bicep = File.ReadAllText(RepositoryRoot.Combine("infra", "main.bicep"));
        var source = File.ReadAllText(RepositoryRoot.Combine("functions", "Serverless.Functions", "Configuration", "FlowsSettings.cs"));

        var defined = SettingName().Matches(bicep).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(defined);
        Assert.All(defined, name => Assert.Contains($"\"{name}\"", source));
    }

    [Fact]
    public void Connection_ConnectionString_SelectsIt()
    {
        var connection = FlowsStorageConnection.From(Config(new() { ["FlowsStorage"] = "UseDevelopmentStorage=true" }));

        Assert.True(connection.IsConfigured);
        Assert.Equal("UseDevelopmentStorage=true", connection.ConnectionString);
    }

    [Fact]
    public void Connection_IdentitySettings_AreReadFromTheSection()
    {
        var connection = FlowsStorageConnection.From(Config(new()
        {
            ["FlowsStorage:blobServiceUri"] = "https://acct.blob.core.windows.net/",
            ["FlowsStorage:queueServiceUri"] = "https://acct.queue.core.windows.net/",
            ["FlowsStorage:tableServiceUri"] = "https://acct.table.core.windows.net/",
            ["FlowsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        }));

        Assert.True(connection.IsConfigured);
        Assert.Null(connection.ConnectionString);
        Assert.Equal("acct.table.core.windows.net", connection.TableServiceUri!.Host);
        Assert.Equal("00000000-0000-0000-0000-000000000001", connection.ClientId);
        Assert.Equal("acct.queue.core.windows.net", connection.CreateQueueServiceClient().Uri.Host);
    }

    [Fact]
    public void Connection_Nothing_IsNotConfigured()
    {
        Assert.False(FlowsStorageConnection.From(new ConfigurationBuilder().Build()).IsConfigured);
    }

    private static IConfiguration Config(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [GeneratedRegex(@"\b((?:FLOWS_(?:STORAGE|TRIGGER|TABLE)_[A-Z_]+)|DURABLE_TASK_HUB)\s*:")]
    private static partial Regex SettingName();
}

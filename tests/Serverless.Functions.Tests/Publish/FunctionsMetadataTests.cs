using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Functions.Triggers;

namespace Serverless.Functions.Tests.Publish;

/// <summary>What the Functions host will index: every function with its trigger and bindings, and host.json.</summary>
public sealed class FunctionsMetadataTests(PublishedAppFixture app) : IClassFixture<PublishedAppFixture>
{
    [Theory]
    [InlineData("FlowOrchestration", "orchestrationTrigger")]
    [InlineData("FlowSegment", "orchestrationTrigger")]
    [InlineData("RunTask", "activityTrigger")]
    [InlineData("RunTaskGroup", "activityTrigger")]
    [InlineData("SplitItems", "activityTrigger")]
    [InlineData("MergeItemOutputs", "activityTrigger")]
    [InlineData("SaveTaskRuns", "activityTrigger")]
    [InlineData("ExecutionEnded", "activityTrigger", "durableClient")]
    [InlineData("ResolveFlow", "activityTrigger")]
    [InlineData("StartExecution", "activityTrigger", "durableClient")]
    [InlineData(ScheduleFunction.Name, "timerTrigger", "durableClient")]
    [InlineData(BlobTriggerFunction.Name, "blobTrigger", "durableClient")]
    [InlineData(QueueTriggerFunction.Name, "queueTrigger", "durableClient")]
    [InlineData("TriggersBackfill", "httpTrigger", "durableClient")]
    public void Metadata_Function_HasItsBindings(string function, params string[] bindingTypes)
    {
        Assert.True(app.Functions.ContainsKey(function), $"functions.metadata lacks {function}; it has {string.Join(", ", app.Functions.Keys)}");

        var types = Bindings(function).Select(b => b.GetProperty("type").GetString()).ToList();

        Assert.All(bindingTypes, t => Assert.Contains(t, types));
    }

    [Fact]
    public void Metadata_Timer_RunsEveryMinute()
    {
        var timer = Bindings(ScheduleFunction.Name).Single(b => b.GetProperty("type").GetString() == "timerTrigger");

        Assert.Equal("0 * * * * *", timer.GetProperty("schedule").GetString());
    }

    [Fact]
    public void Metadata_BlobTrigger_WatchesTheInboxThroughEventGrid()
    {
        var blob = Bindings(BlobTriggerFunction.Name).Single(b => b.GetProperty("type").GetString() == "blobTrigger");

        Assert.Equal("%FLOWS_TRIGGER_INBOX_CONTAINER%/{name}", blob.GetProperty("path").GetString());
        Assert.Equal("FlowsStorage", blob.GetProperty("connection").GetString());
        Assert.Equal("EventGrid", blob.GetProperty("source").GetString());
    }

    [Fact]
    public void Metadata_QueueTrigger_ReadsTheTriggerQueue()
    {
        var queue = Bindings(QueueTriggerFunction.Name).Single(b => b.GetProperty("type").GetString() == "queueTrigger");

        Assert.Equal("%FLOWS_TRIGGER_QUEUE%", queue.GetProperty("queueName").GetString());
        Assert.Equal("FlowsStorage", queue.GetProperty("connection").GetString());
    }

    [Fact]
    public void Publish_HostJson_IsAtTheRootWithTheDurableHub()
    {
        var path = Path.Combine(app.PublishDirectory, "host.json");

        var host = JsonNode.Parse(File.ReadAllText(path))!;

        Assert.Equal("2.0", (string?)host["version"]);
        Assert.Equal("%DURABLE_TASK_HUB%", (string?)host["extensions"]!["durableTask"]!["hubName"]);
        Assert.Equal("AzureStorage", (string?)host["extensions"]!["durableTask"]!["storageProvider"]!["type"]);
    }

    [Fact]
    public void Publish_LocalSettingsSample_IsNotDeployed()
    {
        Assert.False(File.Exists(Path.Combine(app.PublishDirectory, "local.settings.sample.json")));
        Assert.False(File.Exists(Path.Combine(app.PublishDirectory, "local.settings.json")));
    }

    private IEnumerable<JsonElement> Bindings(string function) =>
        app.Functions[function].GetProperty("bindings").EnumerateArray().Select(b => b.ValueKind == JsonValueKind.String
            ? JsonDocument.Parse(b.GetString()!).RootElement
            : b);
}

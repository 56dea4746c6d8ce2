using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Engine.Flows;
using Serverless.Engine.Parsing;
using Serverless.Engine.Triggers;

namespace Serverless.Engine.Tests.Triggers;

public sealed class TriggerMatcherTests
{
    private static readonly Flow Csv = Parse("csv", """
        type: io.kestra.plugin.azure.storage.blob.Trigger
        container: trigger-inbox
        prefix: in/
        suffix: .csv
        """);

    private static readonly Flow Regex = Parse("regex", """
        type: io.kestra.plugin.azure.storage.blob.Trigger
        container: trigger-inbox
        regexp: "in/[0-9]+\\.json"
        """);

    private static readonly Flow Queue = Parse("queue", """
        type: io.kestra.plugin.azure.storage.queue.Trigger
        queueName: flow-triggers
        """);

    private static readonly Flow Disabled = Parse("off", """
        type: io.kestra.plugin.azure.storage.blob.Trigger
        container: trigger-inbox
        disabled: true
        """);

    private static readonly Flow[] Flows = [Csv, Regex, Queue, Disabled];

    [Theory]
    [InlineData("trigger-inbox", "in/a.csv", "csv")]
    [InlineData("trigger-inbox", "in/42.json", "regex")]
    [InlineData("trigger-inbox", "in/a.json", "")]
    [InlineData("trigger-inbox", "out/a.csv", "")]
    [InlineData("other", "in/a.csv", "")]
    [InlineData("trigger-inbox", "in/x/42.json", "")]
    public void MatchBlob_Filters_SelectTheMatchingEnabledFlows(string container, string name, string expected)
    {
        var matches = TriggerMatcher.MatchBlob(Flows, Blob(container, name));

        Assert.Equal(expected, string.Join(",", matches.Select(m => m.Flow.Id)));
    }

    [Fact]
    public void MatchBlob_Variables_DescribeTheBlob()
    {
        var match = Assert.Single(TriggerMatcher.MatchBlob(Flows, Blob("trigger-inbox", "in/a.csv")));

        var variables = match.Options.Trigger!;
        Assert.Equal(("in/a.csv", 12L, "http://127.0.0.1/acct/trigger-inbox/in/a.csv"), (variables["name"], variables["size"], variables["uri"]));
        var blob = Assert.IsType<Dictionary<string, object?>>(Assert.Single(Assert.IsType<List<object?>>(variables["blobs"])));
        Assert.Equal("in/a.csv", blob["name"]);
    }

    [Fact]
    public async Task OnBlob_Redelivered_StartsEachFlowOnceButAnOverwriteAgain()
    {
        var starter = new RecordingStarter();
        var matcher = new TriggerMatcher(starter, NullLogger<TriggerMatcher>.Instance);

        var first = await matcher.OnBlobAsync(Flows, Blob("trigger-inbox", "in/a.csv", "0x1"), default);
        var again = await matcher.OnBlobAsync(Flows, Blob("trigger-inbox", "in/a.csv", "0x1"), default);
        var overwritten = await matcher.OnBlobAsync(Flows, Blob("trigger-inbox", "in/a.csv", "0x2"), default);

        Assert.Equal((1, 0, 1), (first, again, overwritten));
    }

    [Fact]
    public async Task OnQueue_Message_StartsListenersOnceWithTheMessage()
    {
        var starter = new RecordingStarter();
        var matcher = new TriggerMatcher(starter, NullLogger<TriggerMatcher>.Instance);
        var message = new QueueEvent("flow-triggers", "m-1", "{\"order\":7}");

        await matcher.OnQueueAsync(Flows, message, default);
        await matcher.OnQueueAsync(Flows, message, default);
        await matcher.OnQueueAsync(Flows, message with { QueueName = "other" }, default);

        var start = Assert.Single(starter.Starts);
        Assert.Equal(("queue", "{\"order\":7}", "m-1"), (start.Flow.Id, start.Variable("message"), start.Variable("messageId")));
    }

    private static BlobEvent Blob(string container, string name, string etag = "0x1") =>
        new(container, name, new Uri($"http://127.0.0.1/acct/{container}/{name}"), 12, etag);

    private static Flow Parse(string id, string trigger) => FlowParser.Default.ParseValid($"""
        id: {id}
        namespace: company.team
        tasks:
          - id: hello
            type: io.kestra.plugin.core.log.Log
            message: hi
        triggers:
          - id: watch
        {Indent(trigger)}
        """);

    private static string Indent(string text) => string.Join("\n", text.Split('\n').Select(l => "    " + l));
}

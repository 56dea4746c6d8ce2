using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serverless.Serve;
using Serverless.Api;
using Serverless.Engine.Azure.Tests.Azurite;
using Serverless.Engine.Azure.Triggers;

using Serverless.Tests;

namespace Serverless.Serve.Tests;

/// <summary><c>flows serve</c> on Azurite with its triggers and storage polling modules, polling fast.</summary>
public sealed class PollingServeFixture(AzuriteFixture azurite) : ServeFixture
{
    protected override ServeOptions Options() => new()
    {
        Port = 0,
        Storage = azurite.ConnectionString,
        ContainerPrefix = AzuriteFixture.NewContainerPrefix(),
        ApiKey = Key,
        Modules = [new TriggersServeModule(), new StoragePollingServeModule()],
        TriggerPollInterval = TimeSpan.FromMilliseconds(200),
        Api = new ApiOptions { FollowInterval = TimeSpan.FromMilliseconds(50) },
    };
}

/// <summary>Blob and Queue triggers over real HTTP and Azurite: an upload or a message starts its flow exactly once.</summary>
[Collection(AzuriteServeCollection.Name)]
public sealed class StoragePollingServeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly PollingServeFixture _serve = new(azurite);
    private readonly string _names = AzuriteFixture.NewContainerPrefix();

    public Task InitializeAsync() => _serve.InitializeAsync();

    public Task DisposeAsync() => _serve.DisposeAsync();

    [Fact]
    public async Task BlobAndQueueTriggers_UploadAndMessage_StartEachFlowOnceWithTriggerVariables()
    {
        var api = _serve.Client;
        var ns = ServeFixture.NewNamespace();
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(_names + "inbox");
        var queue = new QueueServiceClient(azurite.ConnectionString).GetQueueClient(_names + "orders");
        await container.CreateIfNotExistsAsync();
        await queue.CreateIfNotExistsAsync();
        await api.CreateFlowAsync($$$"""
            id: on_blob
            namespace: {{{ns}}}
            triggers:
              - id: arrived
                type: io.kestra.plugin.azure.storage.blob.Trigger
                container: {{{container.Name}}}
                prefix: incoming/
            tasks:
              - id: echo
                type: io.kestra.plugin.core.debug.Return
                format: "{{ trigger.name }} {{ trigger.size }}"
            """);
        await api.CreateFlowAsync($$$"""
            id: on_queue
            namespace: {{{ns}}}
            triggers:
              - id: order
                type: io.kestra.plugin.azure.storage.queue.Trigger
                queueName: {{{queue.Name}}}
            tasks:
              - id: echo
                type: io.kestra.plugin.core.debug.Return
                format: "{{ trigger.message }}"
            """);

        await container.UploadBlobAsync("incoming/a.csv", BinaryData.FromString("1,2,3"));
        await container.UploadBlobAsync("elsewhere/b.csv", BinaryData.FromString("ignored"));
        var sent = (await queue.SendMessageAsync("order-42")).Value;
        var onBlob = await Eventually.UntilAsync(() => api.SearchAsync(ns, "on_blob"), e => e.Count > 0 && e[0].StateOf() == "SUCCESS", "the blob flow to run");
        var onQueue = await Eventually.UntilAsync(() => api.SearchAsync(ns, "on_queue"), e => e.Count > 0 && e[0].StateOf() == "SUCCESS", "the queue flow to run");
        var poller = _serve.Host.Services.GetServices<IHostedService>().OfType<StoragePollingService>().Single();
        var seen = poller.CompletedPolls;
        await Eventually.UntilAsync(() => Task.FromResult(poller.CompletedPolls), n => n >= seen + 2, "two more polls");
        var blobRun = (await api.GetAsync($"api/v1/executions/{onBlob[0].Id()}")).Json;
        var queueRun = (await api.GetAsync($"api/v1/executions/{onQueue[0].Id()}")).Json;

        Assert.Single(await api.SearchAsync(ns, "on_blob"));
        Assert.Single(await api.SearchAsync(ns, "on_queue"));
        var blobTrigger = blobRun.GetProperty("trigger");
        Assert.Equal("incoming/a.csv", blobTrigger.GetProperty("name").GetString());
        Assert.Equal(5, blobTrigger.GetProperty("size").GetInt64());
        Assert.EndsWith($"/{container.Name}/incoming/a.csv", blobTrigger.GetProperty("uri").GetString(), StringComparison.Ordinal);
        Assert.Equal("incoming/a.csv 5", blobRun.GetProperty("taskRunList")[0].GetProperty("outputs").GetProperty("value").GetString());
        var queueTrigger = queueRun.GetProperty("trigger");
        Assert.Equal("order-42", queueTrigger.GetProperty("message").GetString());
        Assert.Equal(sent.MessageId, queueTrigger.GetProperty("messageId").GetString());
        Assert.Equal("order-42", queueRun.GetProperty("taskRunList")[0].GetProperty("outputs").GetProperty("value").GetString());
        Assert.Empty((await queue.PeekMessagesAsync()).Value);
    }
}

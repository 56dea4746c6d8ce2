using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Engine.Triggers;
using Serverless.Functions.Configuration;

namespace Serverless.Functions.Triggers;

/// <summary>
/// Blob triggers: each new or overwritten blob in the trigger inbox container (<c>FLOWS_TRIGGER_INBOX_CONTAINER</c>)
/// starts every flow whose <c>io.kestra.plugin.azure.storage.blob.Trigger</c> matches it. The Flex
/// Consumption plan delivers blob events through Event Grid only; delivery is at least once, and the
/// execution id derived from the blob's ETag makes a redelivery start nothing.
/// </summary>
public sealed class BlobTriggerFunction(TriggerMatcher matcher, IFlowSource flows, FunctionsDurableClientSource clients)
{
    public const string Name = "FlowBlobTrigger";

    [Function(Name)]
    public async Task RunAsync(
        [BlobTrigger("%FLOWS_TRIGGER_INBOX_CONTAINER%/{name}", Connection = FlowsStorageConnection.Name, Source = BlobTriggerSource.EventGrid)] BlobClient blob,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        clients.Use(client);
        var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        var blobEvent = new BlobEvent(blob.BlobContainerName, blob.Name, blob.Uri, properties.ContentLength, properties.ETag.ToString());
        await matcher.OnBlobAsync(await flows.GetFlowsAsync(cancellationToken), blobEvent, cancellationToken);
    }
}

using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Engine.Triggers;
using Serverless.Functions.Configuration;

namespace Serverless.Functions.Triggers;

/// <summary>
/// Queue triggers: each message of the trigger queue (<c>FLOWS_TRIGGER_QUEUE</c>) starts every flow whose
/// <c>io.kestra.plugin.azure.storage.queue.Trigger</c> names that queue. A message is redelivered when the
/// function fails (up to the poison threshold); its message id makes the execution id, so a redelivery
/// after a successful start starts nothing.
/// </summary>
public sealed class QueueTriggerFunction(TriggerMatcher matcher, IFlowSource flows, FunctionsDurableClientSource clients, FlowsSettings settings)
{
    public const string Name = "FlowQueueTrigger";

    [Function(Name)]
    public async Task RunAsync(
        [QueueTrigger("%FLOWS_TRIGGER_QUEUE%", Connection = FlowsStorageConnection.Name)] QueueMessage message,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        clients.Use(client);
        var queueEvent = new QueueEvent(settings.TriggerQueue, message.MessageId, message.Body.ToString(), message.InsertedOn);
        await matcher.OnQueueAsync(await flows.GetFlowsAsync(cancellationToken), queueEvent, cancellationToken);
    }
}

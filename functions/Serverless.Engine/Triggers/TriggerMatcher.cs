using Microsoft.Extensions.Logging;
using Serverless.Engine.Executions;
using Serverless.Engine.Flows;
using Serverless.Engine.Inputs;

namespace Serverless.Engine.Triggers;

/// <summary>
/// For one blob or queue event, finds every enabled flow whose Azure Storage trigger matches and starts
/// each exactly once: the execution id is derived from the event id, the flow and the trigger, so a
/// redelivered event (queues and blob triggers deliver at least once) starts nothing new.
/// </summary>
public sealed partial class TriggerMatcher(ITriggerStarter starter, ILogger<TriggerMatcher> logger)
{
    /// <summary>Starts the flows <paramref name="blob"/> matches; the number actually started.</summary>
    public Task<int> OnBlobAsync(IReadOnlyList<Flow> flows, BlobEvent blob, CancellationToken cancellationToken) =>
        StartAsync(MatchBlob(flows, blob), cancellationToken);

    /// <summary>Starts the flows <paramref name="message"/> matches; the number actually started.</summary>
    public Task<int> OnQueueAsync(IReadOnlyList<Flow> flows, QueueEvent message, CancellationToken cancellationToken) =>
        StartAsync(MatchQueue(flows, message), cancellationToken);

    public async Task<int> StartAsync(IReadOnlyList<TriggerMatch> matches, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(matches);
        var started = 0;
        foreach (var match in matches)
        {
            try
            {
                if (await starter.StartAsync(match.Flow, match.Inputs, match.Options, cancellationToken))
                {
                    started++;
                }
            }
            catch (InputValidationException e)
            {
                BadInputs(logger, match.Flow.Namespace, match.Flow.Id, match.Trigger.Id, e.Message);
            }
        }

        return started;
    }

    public static IReadOnlyList<TriggerMatch> MatchBlob(IEnumerable<Flow> flows, BlobEvent blob)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var matches = new List<TriggerMatch>();
        foreach (var (flow, trigger) in FlowTriggerSelection.Enabled<BlobTrigger>(flows))
        {
            if (!StorageTriggerFilters.Matches(trigger, blob))
            {
                continue;
            }

            var item = new Dictionary<string, object?> { ["uri"] = blob.Uri.ToString(), ["name"] = blob.Name, ["size"] = blob.Size };
            var variables = new Dictionary<string, object?>(item)
            {
                ["blobs"] = new List<object?> { item },
                ["container"] = blob.Container,
                ["id"] = trigger.Id,
                ["type"] = trigger.Type,
            };
            matches.Add(Match(flow, trigger, variables, "blob", blob.EventId));
        }

        return matches;
    }

    public static IReadOnlyList<TriggerMatch> MatchQueue(IEnumerable<Flow> flows, QueueEvent message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var matches = new List<TriggerMatch>();
        foreach (var (flow, trigger) in FlowTriggerSelection.Enabled<QueueTrigger>(flows))
        {
            if (!string.Equals(trigger.String("queueName"), message.QueueName, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var variables = new Dictionary<string, object?>
            {
                ["message"] = message.Message,
                ["messageId"] = message.MessageId,
                ["queueName"] = message.QueueName,
                ["id"] = trigger.Id,
                ["type"] = trigger.Type,
            };
            matches.Add(Match(flow, trigger, variables, "queue", message.EventId));
        }

        return matches;
    }

    private static TriggerMatch Match(Flow flow, TriggerDefinition trigger, Dictionary<string, object?> variables, string kind, string eventId) =>
        new(flow, trigger, new Dictionary<string, object?>(), new StartOptions
        {
            ExecutionId = TriggerExecutionIds.From(kind, flow.Namespace, flow.Id, trigger.Id, eventId),
            Labels = trigger.Labels(),
            Trigger = variables,
        });

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "Trigger {TriggerId} of {Namespace}.{FlowId} matched but could not start: {Reason}")]
    private static partial void BadInputs(ILogger logger, string @namespace, string flowId, string triggerId, string reason);
}

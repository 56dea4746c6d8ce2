using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Serverless.Engine.Flows;
using Serverless.Engine.Parsing;
using Serverless.Engine.Storage;

namespace Serverless.Engine.Triggers;

/// <summary>
/// Flows from the <see cref="IFlowStore"/>, parsed once per revision. A revision that no longer validates
/// (for example after an engine upgrade) is skipped with a warning rather than stopping every trigger.
/// </summary>
public sealed partial class StoreFlowSource(IFlowStore store, ILogger<StoreFlowSource> logger) : IFlowSource
{
    private readonly ConcurrentDictionary<(string Ns, string Id), (int Revision, string Source, Flow? Flow)> _parsed = new();

    public async Task<IReadOnlyList<Flow>> GetFlowsAsync(CancellationToken cancellationToken)
    {
        var stored = await store.ListAsync(null, cancellationToken);
        var flows = new List<Flow>(stored.Count);
        foreach (var item in stored)
        {
            var key = (item.Namespace, item.Id);
            if (!_parsed.TryGetValue(key, out var cached) || cached.Revision != item.Revision || cached.Source != item.Source)
            {
                cached = (item.Revision, item.Source, Parse(item));
                _parsed[key] = cached;
            }

            if (cached.Flow is { } flow)
            {
                flows.Add(flow);
            }
        }

        return flows;
    }

    private Flow? Parse(StoredFlow item)
    {
        var result = FlowParser.Default.Parse(item.Source);
        if (result.IsValid)
        {
            return result.Flow! with { Revision = item.Revision };
        }

        InvalidFlow(logger, item.Namespace, item.Id, item.Revision, result.Errors.Count);
        return null;
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Flow {Namespace}.{FlowId} revision {Revision} does not validate ({ErrorCount} errors); its triggers are skipped")]
    private static partial void InvalidFlow(ILogger logger, string @namespace, string flowId, int revision, int errorCount);
}

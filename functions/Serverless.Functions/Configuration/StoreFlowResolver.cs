using Serverless.Engine.Flows;
using Serverless.Engine.Storage;

namespace Serverless.Functions.Configuration;

/// <summary>Finds Subflow targets in the flow store (latest revision unless one is pinned).</summary>
public sealed class StoreFlowResolver(IFlowStore store) : IFlowResolver
{
    public async Task<ResolvedFlow?> FindAsync(FlowReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var stored = await store.GetAsync(reference.Namespace, reference.FlowId, reference.Revision, cancellationToken);
        return stored is null || stored.Deleted ? null : new ResolvedFlow(stored.Source, stored.Revision);
    }
}

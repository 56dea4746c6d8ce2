using Serverless.Engine.Flows;
using Serverless.Engine.Storage;

namespace Serverless.Serve;

/// <summary>
/// Finds Subflow targets in the flow store <c>flows serve</c> manages (latest revision unless one is pinned),
/// as the Functions app does; without it every Subflow task under serve failed with "flow not found".
/// </summary>
internal sealed class ServeFlowResolver(IFlowStore store) : IFlowResolver
{
    public async Task<ResolvedFlow?> FindAsync(FlowReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var stored = await store.GetAsync(reference.Namespace, reference.FlowId, reference.Revision, cancellationToken);
        return stored is null || stored.Deleted ? null : new ResolvedFlow(stored.Source, stored.Revision);
    }
}

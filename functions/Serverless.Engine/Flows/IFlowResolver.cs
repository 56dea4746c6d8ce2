namespace Serverless.Engine.Flows;

/// <summary>A flow's source at a revision, as a resolver found it.</summary>
public sealed record ResolvedFlow(string Source, int Revision);

/// <summary>Which flow to find: a Subflow's or a trigger's target.</summary>
public sealed record FlowReference(string Namespace, string FlowId, int? Revision = null);

/// <summary>
/// Finds other flows by namespace and id (Subflow, ForEachItem, flow triggers): from the flow store in
/// the Functions app and <c>flows serve</c>, from a folder for <c>flows run --flows DIR</c>.
/// </summary>
public interface IFlowResolver
{
    /// <summary>The flow, or null when there is no such flow (or revision).</summary>
    Task<ResolvedFlow?> FindAsync(FlowReference reference, CancellationToken cancellationToken);
}

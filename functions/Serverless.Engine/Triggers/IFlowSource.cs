using Serverless.Engine.Flows;

namespace Serverless.Engine.Triggers;

/// <summary>
/// The current, valid flows that triggers are evaluated against. Implementations return the same
/// <see cref="Flow"/> instance while a flow's revision is unchanged, so per-flow work (cron parsing) can be
/// cached by instance.
/// </summary>
public interface IFlowSource
{
    Task<IReadOnlyList<Flow>> GetFlowsAsync(CancellationToken cancellationToken);
}

/// <summary>A fixed set of flows (tests, a single-flow host).</summary>
public sealed class StaticFlowSource(IReadOnlyList<Flow> flows) : IFlowSource
{
    public Task<IReadOnlyList<Flow>> GetFlowsAsync(CancellationToken cancellationToken) => Task.FromResult(flows);
}

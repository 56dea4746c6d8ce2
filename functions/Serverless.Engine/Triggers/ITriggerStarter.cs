using Serverless.Engine.Executions;
using Serverless.Engine.Flows;

namespace Serverless.Engine.Triggers;

/// <summary>
/// Starts executions on behalf of triggers. Triggers fire at least once (a retried timer tick, two
/// instances polling the same queue, a restarted host), so every start carries a deterministic
/// <see cref="StartOptions.ExecutionId"/> and a second start of the same id must be a no-op.
/// </summary>
public interface ITriggerStarter
{
    /// <summary>
    /// Starts the execution <paramref name="options"/> names (its <see cref="StartOptions.ExecutionId"/> is
    /// required); false when an execution with that id already exists (running, queued or ended).
    /// </summary>
    Task<bool> StartAsync(Flow flow, IReadOnlyDictionary<string, object?> inputs, StartOptions options, CancellationToken cancellationToken);
}

using Serverless.Engine.Contracts;

namespace Serverless.Engine.Activities;

/// <summary>
/// Starts an execution from activity code (a Subflow with <c>wait: false</c> is fire-and-forget, which an
/// orchestration can only do through an activity). Each host provides one backed by its Durable client.
/// </summary>
public interface IExecutionStarter
{
    /// <summary>Starts the execution; starting an id that already exists is not an error (activities may run twice).</summary>
    Task StartAsync(ExecutionRequest request, CancellationToken cancellationToken);
}

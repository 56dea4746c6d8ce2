using Serverless.Engine.Contracts;

namespace Serverless.Engine.Activities;

/// <summary>The default starter when a host provides none: says what is missing instead of failing obscurely.</summary>
internal sealed class UnavailableExecutionStarter : IExecutionStarter
{
    public Task StartAsync(ExecutionRequest request, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("This host cannot start detached executions (Subflow with wait: false); register an IExecutionStarter.");
}

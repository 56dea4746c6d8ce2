using Serverless.Engine.Activities;
using Serverless.Engine.Contracts;

namespace Serverless.Functions.Configuration;

/// <summary>Detached starts (Subflow with <c>wait: false</c>) over the client the current function was bound to.</summary>
public sealed class SourceExecutionStarter(FunctionsDurableClientSource clients) : IExecutionStarter
{
    public Task StartAsync(ExecutionRequest request, CancellationToken cancellationToken) =>
        new ClientExecutionStarter(clients.Client).StartAsync(request, cancellationToken);
}

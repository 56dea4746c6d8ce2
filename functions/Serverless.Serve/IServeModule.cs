using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Serve;

/// <summary>
/// A part of <c>flows serve</c> beyond the API: schedule triggers, blob and queue polling. Implementations
/// in this assembly with a public parameterless constructor are discovered, like task types: adding one is
/// adding its file.
/// </summary>
/// <remarks>
/// <see cref="ConfigureEngine"/> adds services to the embedded worker's container (activities, execution
/// listeners). <see cref="ConfigureServer"/> adds services to the server's container, where hosted services
/// (<c>AddHostedService</c>) run for the server's lifetime; it already holds the
/// <see cref="Serverless.Engine.Executions.ExecutionClient"/>, the storage stores, the execution records and
/// the <see cref="Serverless.Engine.Records.ExecutionLauncher"/>.
/// </remarks>
public interface IServeModule
{
    void ConfigureEngine(IServiceCollection services)
    {
    }

    void ConfigureServer(IServiceCollection services)
    {
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Serverless.Durable.Embedded;

/// <summary>
/// The lifetime of a host embedded in a command: the command owns Ctrl+C and SIGTERM, not the host. The default
/// console lifetime swallowed both signals (it cancels the process exit and only raises ApplicationStopping, which
/// nothing embedded waits on), so <c>flows run</c> could not be interrupted.
/// </summary>
internal sealed class CallerOwnedLifetime : IHostLifetime
{
    /// <summary>Most time a stopping embedded host waits for work in flight (an activity, a stream) before giving up.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Replaces the console lifetime of an embedded host and bounds its shutdown.</summary>
    public static IServiceCollection Use(IServiceCollection services)
    {
        services.AddSingleton<IHostLifetime, CallerOwnedLifetime>();
        services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);
        return services;
    }
}

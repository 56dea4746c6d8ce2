using Microsoft.Extensions.Logging;

namespace Serverless.Durable.Embedded;

/// <summary>
/// Sends the embedded hosts' logs to the caller's factory, so the hosts' own level filter (Warning by default)
/// applies before anything reaches it. Does not own the factory.
/// </summary>
internal sealed class ForwardingLoggerProvider(ILoggerFactory factory) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => factory.CreateLogger(categoryName);

    public void Dispose()
    {
        // The factory belongs to the caller.
    }
}

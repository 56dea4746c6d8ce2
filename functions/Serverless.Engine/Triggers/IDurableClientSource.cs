using Microsoft.DurableTask.Client;

namespace Serverless.Engine.Triggers;

/// <summary>
/// Where long-lived services (pollers, execution listeners) get a Durable Task client. The embedded host
/// registers its client in DI; the Functions app only receives one through <c>[DurableClient]</c>
/// bindings, so it hands the latest bound client over through this seam.
/// </summary>
public interface IDurableClientSource
{
    /// <summary>The client; throws <see cref="InvalidOperationException"/> when none is available yet.</summary>
    DurableTaskClient Client { get; }
}

/// <summary>A client known up front (the embedded host's).</summary>
public sealed class FixedDurableClientSource(DurableTaskClient client) : IDurableClientSource
{
    public DurableTaskClient Client { get; } = client ?? throw new ArgumentNullException(nameof(client));
}

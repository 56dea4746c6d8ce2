using Microsoft.DurableTask.Client;
using Serverless.Engine.Triggers;

namespace Serverless.Functions.Configuration;

/// <summary>
/// The Durable client for engine services in the Functions app. The isolated worker hands clients out
/// only through <c>[DurableClient]</c> bindings, so every function that needs one records it here first;
/// the client is long-lived (cached by the extension per task hub), so keeping the latest is safe.
/// </summary>
public sealed class FunctionsDurableClientSource : IDurableClientSource
{
    private DurableTaskClient? _client;

    public DurableTaskClient Client =>
        Volatile.Read(ref _client) ?? throw new InvalidOperationException("No Durable client has been bound yet in this worker.");

    /// <summary>Records the client a function received through its binding.</summary>
    public void Use(DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        Volatile.Write(ref _client, client);
    }
}

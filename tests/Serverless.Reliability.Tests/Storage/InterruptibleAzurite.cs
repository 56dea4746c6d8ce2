using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Serverless.Engine.Azure.Tests.Azurite;

namespace Serverless.Reliability.Tests.Storage;

/// <summary>
/// An Azurite of one test's own (never the shared fixture's, which other tests use) behind three
/// <see cref="TcpOutageProxy"/>s, one per service: <see cref="StopAsync"/> makes the account unreachable the
/// way a dead endpoint is (connections refused, open ones reset), <see cref="RestartAsync"/> brings it back
/// on the same endpoints with the same data.
/// </summary>
/// <remarks>
/// The outage is cut in the network rather than by killing Azurite: Azurite's disk persistence (LokiJS)
/// saves its metadata every few seconds, so a <c>kill -9</c> loses the last seconds of acknowledged writes
/// (containers, queue messages, table rows). A real account never does; killing the emulator would test
/// the emulator. Clients see the same thing either way: refused connections, then the same data.
/// </remarks>
public sealed class InterruptibleAzurite : IAsyncDisposable
{
    private readonly AzuriteProcess _azurite;
    private readonly TcpOutageProxy[] _proxies;

    private InterruptibleAzurite(AzuriteProcess azurite, TcpOutageProxy[] proxies)
    {
        _azurite = azurite;
        _proxies = proxies;
    }

    /// <summary>Connection string with explicit blob, queue and table endpoints (the proxies' ports).</summary>
    public string ConnectionString
    {
        get
        {
            var endpoints = AzuriteEndpoints.ForPorts(_proxies[0].Port, _proxies[1].Port, _proxies[2].Port);
            return string.Create(
                CultureInfo.InvariantCulture,
                $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={AzuriteFixture.AccountKey};BlobEndpoint={endpoints.Blob};QueueEndpoint={endpoints.Queue};TableEndpoint={endpoints.Table};");
        }
    }

    public static async Task<InterruptibleAzurite> StartAsync()
    {
        var azurite = await AzuriteProcess.StartAsync(RepositoryRoot.Path);
        var targets = new[] { azurite.Endpoints.Blob.Port, azurite.Endpoints.Queue.Port, azurite.Endpoints.Table.Port };
        var ports = FreePorts(targets.Length);
        return new InterruptibleAzurite(azurite, [.. targets.Select((target, i) => new TcpOutageProxy(ports[i], target))]);
    }

    /// <summary>The account becomes unreachable: every endpoint refuses connections and the open ones are reset.</summary>
    public Task StopAsync()
    {
        foreach (var proxy in _proxies)
        {
            proxy.Cut();
        }

        return Task.CompletedTask;
    }

    /// <summary>The account is reachable again (same endpoints, same data); returns once each endpoint accepts a connection.</summary>
    public async Task RestartAsync()
    {
        foreach (var proxy in _proxies)
        {
            proxy.Restore();
            using var probe = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await probe.ConnectAsync(IPAddress.Loopback, proxy.Port, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var proxy in _proxies)
        {
            await proxy.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }

    /// <summary>Ports the OS reports free, all picked while the others are still held so they differ.</summary>
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(listener => listener.Start());
            return [.. listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(listener => listener.Stop());
        }
    }
}

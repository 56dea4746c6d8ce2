using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Serverless.Reliability.Tests.Storage;

/// <summary>
/// A loopback TCP forwarder that can cut the line: <see cref="Cut"/> stops listening (new connections are
/// refused) and resets every open connection, as when the storage endpoint dies; <see cref="Restore"/>
/// listens again on the same port.
/// </summary>
public sealed class TcpOutageProxy : IAsyncDisposable
{
    private readonly int _target;
    private readonly ConcurrentDictionary<Socket, Socket> _connections = new();
    private TcpListener? _listener;
    private Task _accepting = Task.CompletedTask;

    public TcpOutageProxy(int port, int target)
    {
        Port = port;
        _target = target;
        Restore();
    }

    public int Port { get; }

    /// <summary>Connections forwarded so far (both ends open).</summary>
    public int OpenConnections => _connections.Count;

    public void Restore()
    {
        if (_listener is not null)
        {
            return;
        }

        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _accepting = AcceptAsync(listener);
    }

    /// <summary>Refuses new connections and resets the open ones (RST, not a polite close).</summary>
    public void Cut()
    {
        var listener = Interlocked.Exchange(ref _listener, null);
        listener?.Stop();
        foreach (var (client, upstream) in _connections)
        {
            Reset(client);
            Reset(upstream);
        }

        _connections.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        Cut();
        await _accepting;
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(Socket client)
    {
        var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, _target);
            _connections[client] = upstream;
            await Task.WhenAll(PumpAsync(client, upstream), PumpAsync(upstream, client));
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or IOException)
        {
            // The line was cut, or one side went away: both ends are closed below.
        }
        finally
        {
            _connections.TryRemove(client, out _);
            client.Dispose();
            upstream.Dispose();
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Cut or reset: end the other direction too.
            from.Dispose();
            to.Dispose();
        }
    }

    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (ObjectDisposedException)
        {
            // Already closed.
        }
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Serverless.Engine.Tests.Tasks;

/// <summary>A tiny HTTP server on 127.0.0.1 and a free port, answering with a handler; records request bodies.</summary>
public sealed class TestHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerRequest, string, (int Code, string Body, string ContentType)> _handler;
    private readonly Task _loop;

    public TestHttpServer(Func<HttpListenerRequest, string, (int Code, string Body, string ContentType)> handler)
    {
        _handler = handler;
        var port = FreePort();
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUri.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri BaseUri { get; }

    public List<string> Requests { get; } = [];

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            lock (Requests)
            {
                Requests.Add($"{context.Request.HttpMethod} {context.Request.Url!.PathAndQuery} {body}");
            }

            var (code, responseBody, contentType) = _handler(context.Request, body);
            var bytes = Encoding.UTF8.GetBytes(responseBody);
            context.Response.StatusCode = code;
            context.Response.ContentType = contentType;
            context.Response.Headers["X-Test"] = "yes";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}

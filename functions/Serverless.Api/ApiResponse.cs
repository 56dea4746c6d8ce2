using System.Text;
using System.Text.Json;
using Serverless.Engine.Contracts;

namespace Serverless.Api;

/// <summary>
/// What a handler answers: a status, a content type, headers and a body writer the host runs against its
/// response stream. Streaming bodies (files, server-sent events) write and flush as they go.
/// </summary>
public sealed record ApiResponse
{
    public const string JsonType = "application/json; charset=utf-8";
    public const string YamlType = "application/x-yaml; charset=utf-8";
    public const string EventStreamType = "text/event-stream";

    public int Status { get; init; } = 200;

    public string? ContentType { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Writes the body; null for an empty body.</summary>
    public Func<Stream, CancellationToken, Task>? Body { get; init; }

    /// <summary>The value a JSON response was made from, for hosts and tests that want it unserialised.</summary>
    public object? Value { get; init; }

    public static ApiResponse Json(object? value, int status = 200) => new()
    {
        Status = status,
        ContentType = JsonType,
        Value = value,
        Body = (stream, ct) => JsonSerializer.SerializeAsync(stream, value, value?.GetType() ?? typeof(object), WireJson.Options, ct),
    };

    public static ApiResponse Text(string text, string contentType = "text/plain; charset=utf-8", int status = 200) => new()
    {
        Status = status,
        ContentType = contentType,
        Value = text,
        Body = (stream, ct) => stream.WriteAsync(Encoding.UTF8.GetBytes(text), ct).AsTask(),
    };

    public static ApiResponse Yaml(string yaml) => Text(yaml, YamlType);

    public static ApiResponse NoContent() => new() { Status = 204 };

    /// <summary>A file download; <paramref name="content"/> is disposed after it is written.</summary>
    public static ApiResponse File(Stream content, string fileName, string contentType = "application/octet-stream") => new()
    {
        ContentType = contentType,
        Headers = new Dictionary<string, string>
        {
            ["Content-Disposition"] = new System.Net.Mime.ContentDisposition { FileName = fileName, Inline = false }.ToString(),
        },
        Body = async (stream, ct) =>
        {
            await using (content)
            {
                await content.CopyToAsync(stream, ct);
            }
        },
    };

    /// <summary>A server-sent event stream; <paramref name="produce"/> writes events until it returns.</summary>
    public static ApiResponse Events(Func<ServerSentEvents, CancellationToken, Task> produce) => new()
    {
        ContentType = EventStreamType,
        Headers = new Dictionary<string, string> { ["Cache-Control"] = "no-cache", ["X-Accel-Buffering"] = "no" },
        Body = (stream, ct) => produce(new ServerSentEvents(stream), ct),
    };

    public static ApiResponse Error(int status, string message, IReadOnlyList<ApiErrorDetail>? details = null) =>
        Json(new ApiErrorBody(message, details ?? []), status);
}

/// <summary>Writes server-sent events (<c>event:</c> / <c>data:</c> lines) and flushes each one to the client.</summary>
public sealed class ServerSentEvents(Stream stream)
{
    /// <summary>Sends one event whose data is <paramref name="value"/> as one line of JSON.</summary>
    public async Task SendAsync(string eventName, object? value, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(value, value?.GetType() ?? typeof(object), WireJson.Options);
        var frame = $"event: {eventName}\ndata: {json}\n\n";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(frame), ct);
        await stream.FlushAsync(ct);
    }

    /// <summary>A comment line: keeps proxies from closing an idle stream.</summary>
    public async Task KeepAliveAsync(CancellationToken ct)
    {
        await stream.WriteAsync(": keep-alive\n\n"u8.ToArray(), ct);
        await stream.FlushAsync(ct);
    }
}

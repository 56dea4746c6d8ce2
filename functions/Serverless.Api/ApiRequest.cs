namespace Serverless.Api;

/// <summary>
/// An HTTP request as the API handlers see it, whatever hosts them (<c>flows serve</c> or the Functions app):
/// the host copies the method, route values, query, headers and body in, and owns the body's size limit at
/// the transport level; handlers enforce per-route limits while reading.
/// </summary>
/// <remarks>
/// Query and header names are case-insensitive. <see cref="ReadForm"/> is set by hosts that can parse
/// <c>multipart/form-data</c> and url-encoded forms: it throws <see cref="ApiException"/> (400 or 413) for a
/// malformed or oversized form, so handlers never see a partial one.
/// </remarks>
public sealed record ApiRequest
{
    public required string Method { get; init; }

    public IReadOnlyDictionary<string, string> Route { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Query { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);

    public Stream Body { get; init; } = Stream.Null;

    public string? ContentType { get; init; }

    public long? ContentLength { get; init; }

    public Func<CancellationToken, Task<ApiForm>>? ReadForm { get; init; }

    /// <summary>A route value the route template guarantees.</summary>
    public string RouteValue(string name) =>
        Route.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"The route has no '{name}' value.");

    /// <summary>The first value of a query parameter, or null.</summary>
    public string? QueryValue(string name) =>
        Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>All values of a repeatable query parameter (<c>state=A&amp;state=B</c>, also comma-separated).</summary>
    public IReadOnlyList<string> QueryValues(string name) =>
        Query.TryGetValue(name, out var values) ? values : [];

    /// <summary>The first value of a header, or null.</summary>
    public string? Header(string name) =>
        Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>The media type without parameters, lower case (<c>application/json</c>), or null.</summary>
    public string? MediaType => ContentType?.Split(';', 2)[0].Trim().ToLowerInvariant() is { Length: > 0 } type ? type : null;

    public bool IsForm => MediaType is "multipart/form-data" or "application/x-www-form-urlencoded";
}

/// <summary>A parsed form: its text fields and its files.</summary>
public sealed record ApiForm(IReadOnlyDictionary<string, IReadOnlyList<string>> Fields, IReadOnlyList<ApiFormFile> Files)
{
    public static ApiForm Empty { get; } = new(new Dictionary<string, IReadOnlyList<string>>(), []);
}

/// <summary>An uploaded file of a form; the host keeps it (memory or a temporary file) until the request ends.</summary>
public sealed record ApiFormFile(string Name, string FileName, string? ContentType, long Length, Func<Stream> OpenReadStream);

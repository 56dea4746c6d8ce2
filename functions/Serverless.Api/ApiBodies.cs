using System.Text;
using System.Text.Json;
using Serverless.Engine.Contracts;

namespace Serverless.Api;

/// <summary>Reads request bodies within a size limit, checking the content type first (415) and the declared length before reading (413).</summary>
internal static class ApiBodies
{
    public static async Task<byte[]> ReadBytesAsync(ApiRequest request, long limit, CancellationToken ct)
    {
        if (request.ContentLength > limit)
        {
            throw ApiException.TooLarge(limit);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (await ReadChunkAsync(request.Body, chunk, ct) is var read and > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw ApiException.TooLarge(limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>A transport failure (client gone, host limit hit) while reading is the client's problem: 400, not 500.</summary>
    private static async Task<int> ReadChunkAsync(Stream body, byte[] chunk, CancellationToken ct)
    {
        try
        {
            return await body.ReadAsync(chunk, ct);
        }
        catch (IOException e)
        {
            throw new ApiException(400, "The request body could not be read: " + e.Message);
        }
    }

    public static async Task<string> ReadTextAsync(ApiRequest request, long limit, CancellationToken ct)
    {
        var bytes = await ReadBytesAsync(request, limit, ct);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw ApiException.BadRequest("The body is not valid UTF-8 text.");
        }
    }

    /// <summary>YAML flow text: <c>application/x-yaml</c>, <c>application/yaml</c>, <c>text/yaml</c> or <c>text/plain</c>.</summary>
    public static Task<string> ReadYamlAsync(ApiRequest request, long limit, CancellationToken ct)
    {
        if (request.MediaType is not ("application/x-yaml" or "application/yaml" or "text/yaml" or "text/x-yaml" or "text/plain"))
        {
            throw ApiException.Unsupported(request.ContentType, "application/x-yaml");
        }

        return ReadTextAsync(request, limit, ct);
    }

    /// <summary>A JSON value as a plain value; an empty body is <see langword="null"/>. Malformed JSON is a 400 naming the position.</summary>
    public static async Task<object?> ReadJsonAsync(ApiRequest request, long limit, CancellationToken ct)
    {
        if (request.MediaType is not null and not "application/json" && request.MediaType?.EndsWith("+json", StringComparison.Ordinal) != true)
        {
            throw ApiException.Unsupported(request.ContentType, "application/json");
        }

        var bytes = await ReadBytesAsync(request, limit, ct);
        if (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return null;
        }

        // The JSON reader does not check UTF-8 inside strings; reading such a string later threw (a 500).
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            throw ApiException.BadRequest("The body is not valid UTF-8 text.");
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
            return PlainValues.FromJson(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new ApiException(400, "The body is not valid JSON.", [new ApiErrorDetail("", e.Message, (int?)(e.LineNumber + 1), (int?)(e.BytePositionInLine + 1))]);
        }
    }

    /// <summary>A JSON object body as a map; anything else is a 400.</summary>
    public static async Task<IReadOnlyDictionary<string, object?>> ReadJsonObjectAsync(ApiRequest request, long limit, CancellationToken ct) =>
        await ReadJsonAsync(request, limit, ct) switch
        {
            null => new Dictionary<string, object?>(),
            IReadOnlyDictionary<string, object?> map => map,
            _ => throw ApiException.BadRequest("The body must be a JSON object."),
        };
}

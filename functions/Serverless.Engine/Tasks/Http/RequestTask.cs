using System.Globalization;
using System.Text;
using Serverless.Engine.Contracts;
using Serverless.Engine.Secrets;

namespace Serverless.Engine.Tasks.Http;

/// <summary>
/// <c>io.kestra.plugin.core.http.Request</c>: one HTTP request; the response body is returned as text.
/// A status outside 2xx fails the task unless <c>options.allowFailed</c> is true. Bodies larger than
/// <c>options.maxContentLength</c> (default 10 MiB) fail: use <c>Download</c> for files.
/// <code>
/// - id: rates
///   type: io.kestra.plugin.core.http.Request
///   uri: "https://api.example.com/rates?base={{ inputs.base }}"
///   method: POST
///   contentType: application/json
///   body: '{"amount": 10}'
///   headers:
///     Authorization: "Bearer {{ secret('API_TOKEN') }}"
///   options:
///     timeout: PT30S
///     followRedirects: true
///     allowFailed: false
/// </code>
/// Outputs: <c>uri</c>, <c>code</c>, <c>headers</c> (lower-case name → list of values), <c>body</c>.
/// </summary>
public sealed class RequestTask : RunnableTaskType
{
    private const long DefaultMaxContentLength = 10 * 1024 * 1024;

    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.http.Request", "io.kestra.plugin.fs.http.Request"];

    public override IReadOnlyList<PropertySpec> Properties { get; } = [.. HttpTaskSupport.CommonProperties, PropertySpec.Boolean("encryptBody")];

    public override async Task<TaskResult> RunAsync(TaskRunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = HttpTaskSupport.Options(context);
        using var request = HttpTaskSupport.BuildRequest(context);
        using var deadline = HttpTaskSupport.Deadline(context, HttpTaskSupport.Timeout(options));
        var client = HttpTaskSupport.Client(context, options);

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        var max = options.GetValueOrDefault("maxContentLength") is long limit ? limit : DefaultMaxContentLength;
        var body = await ReadBodyAsync(response, max, deadline.Token);
        var code = (int)response.StatusCode;
        context.LogMasked("DEBUG", $"{request.Method} {request.RequestUri} → {code}");

        var outputs = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["uri"] = request.RequestUri!.ToString(),
            ["code"] = (long)code,
            ["headers"] = HttpTaskSupport.Headers(response),
            ["body"] = body,
        };
        if (!response.IsSuccessStatusCode && !HttpTaskSupport.AllowFailed(context, options))
        {
            return context.FailMasked("HttpFailed", $"Failed http request with response code '{code.ToString(CultureInfo.InvariantCulture)}'",
                retryable: code >= 500 || code == 429, outputs: outputs);
        }

        return context.MaskResult(TaskResult.Success(outputs));
    }

    private static async Task<string?> ReadBodyAsync(HttpResponseMessage response, long max, CancellationToken ct)
    {
        if (response.Content.Headers.ContentLength is { } length && length > max)
        {
            throw new InvalidOperationException($"The response body ({length} bytes) exceeds options.maxContentLength ({max} bytes); use io.kestra.plugin.core.http.Download for large responses.");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw new InvalidOperationException($"The response body exceeds options.maxContentLength ({max} bytes); use io.kestra.plugin.core.http.Download for large responses.");
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return null;
        }

        return Charset(response.Content.Headers.ContentType?.CharSet).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The response's charset, or UTF-8 when it names none or one .NET does not know.</summary>
    private static Encoding Charset(string? charset)
    {
        try
        {
            return charset is null ? Encoding.UTF8 : Encoding.GetEncoding(charset.Trim('"'));
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }
}

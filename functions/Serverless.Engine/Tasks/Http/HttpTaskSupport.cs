using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Engine.Expressions;
using Serverless.Engine.Parsing;
using Serverless.Engine.Tasks.Scripts;

namespace Serverless.Engine.Tasks.Http;

/// <summary>What Request and Download share: building the request from the properties, options and clients.</summary>
internal static class HttpTaskSupport
{
    public static IReadOnlyList<PropertySpec> CommonProperties { get; } =
    [
        PropertySpec.String("uri", required: true),
        PropertySpec.String("method"),
        PropertySpec.Any("body"),
        PropertySpec.Map("formData"),
        PropertySpec.String("contentType"),
        PropertySpec.Map("headers"),
        PropertySpec.Map("options"),
        PropertySpec.Boolean("allowFailed"),
        PropertySpec.Map("sslOptions"),
    ];

    /// <summary>The rendered <c>options</c> map.</summary>
    public static IReadOnlyDictionary<string, object?> Options(TaskRunContext context) =>
        RenderedValues.Map(context.RenderValue("options"), "options");

    public static bool AllowFailed(TaskRunContext context, IReadOnlyDictionary<string, object?> options) =>
        Truthiness.ToBool(options.GetValueOrDefault("allowFailed"), context.RenderBool("allowFailed", defaultValue: false));

    /// <summary><c>options.timeout</c> (or Kestra's <c>readTimeout</c>), an ISO-8601 duration, or null.</summary>
    public static TimeSpan? Timeout(IReadOnlyDictionary<string, object?> options)
    {
        var text = (options.GetValueOrDefault("timeout") ?? options.GetValueOrDefault("readTimeout")) is { } value ? ExpressionEngine.ToText(value) : null;
        return text is null ? null
            : Durations.TryParse(text, out var duration) ? duration
            : throw new ArgumentException($"options.timeout must be an ISO-8601 duration such as PT30S, not '{text}'.");
    }

    public static HttpClient Client(TaskRunContext context, IReadOnlyDictionary<string, object?> options)
    {
        var factory = context.Services.GetService<IHttpClientFactory>()
            ?? throw new InvalidOperationException("HTTP tasks need AddFlowTaskServices() in this worker (no IHttpClientFactory is registered).");
        var follow = Truthiness.ToBool(options.GetValueOrDefault("followRedirects"), defaultValue: true);
        return factory.CreateClient(follow ? FlowTaskServiceCollectionExtensions.HttpClientName : FlowTaskServiceCollectionExtensions.NoRedirectHttpClientName);
    }

    public static HttpRequestMessage BuildRequest(TaskRunContext context)
    {
        var uriText = context.RenderString("uri") ?? throw new ArgumentException("'uri' is required.");
        if (!Uri.TryCreate(uriText, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"'uri' must be an absolute http or https URL, not '{uriText}'.");
        }

        var method = new HttpMethod((context.RenderString("method") ?? "GET").Trim().ToUpperInvariant());
        var request = new HttpRequestMessage(method, uri) { Content = Content(context) };
        foreach (var (name, value) in RenderedValues.Map(context.RenderValue("headers"), "headers"))
        {
            var values = value is IReadOnlyList<object?> list ? list.Select(ExpressionEngine.ToText) : [ExpressionEngine.ToText(value)];
            if (!request.Headers.TryAddWithoutValidation(name, values))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.Remove(name);
                request.Content.Headers.TryAddWithoutValidation(name, values);
            }
        }

        return request;
    }

    private static HttpContent? Content(TaskRunContext context)
    {
        var contentType = context.RenderString("contentType");
        if (context.Raw("formData") is not null)
        {
            var form = RenderedValues.StringMap(context.RenderValue("formData"), "formData");
            return contentType is not null && contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
                ? Multipart(form)
                : new FormUrlEncodedContent(form);
        }

        if (context.RenderValue("body") is not { } body)
        {
            return null;
        }

        var text = body is string s ? s : Contracts.PlainValues.ToJson(body);
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? (body is string ? "text/plain; charset=utf-8" : "application/json"));
        return content;
    }

    private static MultipartFormDataContent Multipart(IReadOnlyDictionary<string, string> form)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in form)
        {
            content.Add(new StringContent(value, Encoding.UTF8), name);
        }

        return content;
    }

    /// <summary>Response headers (content headers included), lower-case name → list of values, so expressions do not depend on the server's casing.</summary>
    public static Dictionary<string, object?> Headers(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name.ToLowerInvariant()] = values.Cast<object?>().ToList();
        }

        return headers;
    }

    /// <summary>A token that fires on the task's cancellation or after <paramref name="timeout"/>.</summary>
    public static CancellationTokenSource Deadline(TaskRunContext context, TimeSpan? timeout)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        if (timeout is { } limit && limit > TimeSpan.Zero)
        {
            cts.CancelAfter(limit);
        }

        return cts;
    }
}

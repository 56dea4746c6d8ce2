using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Serverless.Api;

namespace Serverless.Api.AspNetCore;

/// <summary>
/// Copies an ASP.NET Core request into an <see cref="ApiRequest"/> and writes an <see cref="ApiResponse"/>
/// back: the one adapter between the HTTP-agnostic <see cref="FlowApi"/> and ASP.NET Core, used by
/// <c>flows serve</c> (Kestrel) and by the Functions app (its ASP.NET Core integration hands the function
/// the same <see cref="HttpContext"/>).
/// </summary>
public static class AspNetApiAdapter
{
    /// <summary>
    /// The request as the API sees it. <paramref name="route"/> overrides the host's route values: the
    /// Functions host names its parameters after the trigger's template, so it matches the path against
    /// the API's own route instead.
    /// </summary>
    public static ApiRequest ToApiRequest(HttpContext context, long formLimit, ApiRoute? route = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        return new ApiRequest
        {
            Method = request.Method,
            Route = route?.Match(request.Path.Value ?? "")
                ?? request.RouteValues.ToDictionary(v => v.Key, v => v.Value?.ToString() ?? "", StringComparer.Ordinal),
            Query = request.Query.ToDictionary(q => q.Key, q => (IReadOnlyList<string>)[.. q.Value.OfType<string>()], StringComparer.OrdinalIgnoreCase),
            Headers = request.Headers.ToDictionary(h => h.Key, h => (IReadOnlyList<string>)[.. h.Value.OfType<string>()], StringComparer.OrdinalIgnoreCase),
            Body = request.Body,
            ContentType = request.ContentType,
            ContentLength = request.ContentLength,
            ReadForm = request.HasFormContentType ? ct => ReadFormAsync(request, formLimit, ct) : null,
        };
    }

    /// <summary>Writes <paramref name="response"/>, streaming: server-sent events are flushed per event.</summary>
    public static async Task WriteAsync(HttpContext context, ApiResponse response, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(response);
        var http = context.Response;
        http.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            http.Headers[name] = value;
        }

        if (response.ContentType is not null)
        {
            http.ContentType = response.ContentType;
        }

        if (response.Body is null)
        {
            return;
        }

        if (response.ContentType == ApiResponse.EventStreamType)
        {
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        }

        try
        {
            await response.Body(http.Body, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away (a follow stream closed): nothing left to write.
        }
    }

    private static async Task<ApiForm> ReadFormAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        IFormCollection form;
        try
        {
            request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = limit }));
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            throw ApiException.TooLarge(limit);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new ApiException(400, "The form could not be read: " + e.Message);
        }

        var fields = form.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)[.. f.Value.OfType<string>()], StringComparer.Ordinal);
        var files = form.Files.Select(f => new ApiFormFile(f.Name, f.FileName, f.ContentType, f.Length, f.OpenReadStream)).ToList();
        return new ApiForm(fields, files);
    }
}

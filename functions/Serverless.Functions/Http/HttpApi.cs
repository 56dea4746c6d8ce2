using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Serverless.Engine.Api;
using Serverless.Engine.Executions;
using Serverless.Functions.Configuration;

namespace Serverless.Functions.Http;

/// <summary>
/// The Functions side of the API: turns an ASP.NET Core <see cref="HttpRequest"/> into an
/// <see cref="ApiRequest"/>, runs the shared <see cref="FlowApi"/> handler with an
/// <see cref="ExecutionClient"/> over the invocation's Durable client, and writes the answer. Each HTTP
/// function is one line calling <see cref="HandleAsync"/> with its route name.
/// </summary>
/// <remarks>
/// Keys are the host's business (<c>AuthorizationLevel.Function</c>): a request without a valid function key
/// never reaches here, except the webhook, which checks its own key.
/// </remarks>
public sealed class HttpApi(FlowApi api, FunctionsDurableClientSource clients)
{
    public async Task<IActionResult> HandleAsync(string route, HttpRequest request, DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        clients.Use(client);
        var apiRequest = ToApiRequest(ApiRoutes.Get(route), request, api.Options.MaxFileBytes + (1024 * 1024));
        return new ApiResult(await api.HandleAsync(route, apiRequest, new ExecutionClient(client), ct));
    }

    private static ApiRequest ToApiRequest(ApiRoute route, HttpRequest request, long formLimit) => new()
    {
        Method = request.Method,
        Route = route.Match(request.Path.Value ?? "")
            ?? request.RouteValues.ToDictionary(v => v.Key, v => v.Value?.ToString() ?? "", StringComparer.Ordinal),
        Query = request.Query.ToDictionary(q => q.Key, q => (IReadOnlyList<string>)[.. q.Value.OfType<string>()], StringComparer.OrdinalIgnoreCase),
        Headers = request.Headers.ToDictionary(h => h.Key, h => (IReadOnlyList<string>)[.. h.Value.OfType<string>()], StringComparer.OrdinalIgnoreCase),
        Body = request.Body,
        ContentType = request.ContentType,
        ContentLength = request.ContentLength,
        ReadForm = request.HasFormContentType ? ct => ReadFormAsync(request, formLimit, ct) : null,
    };

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
        return new ApiForm(fields, [.. form.Files.Select(f => new ApiFormFile(f.Name, f.FileName, f.ContentType, f.Length, f.OpenReadStream))]);
    }

    /// <summary>Writes an <see cref="ApiResponse"/>, streaming (server-sent events flush per event).</summary>
    private sealed class ApiResult(ApiResponse response) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var http = context.HttpContext.Response;
            var ct = context.HttpContext.RequestAborted;
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
                context.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            }

            try
            {
                await response.Body(http.Body, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // The client went away: nothing left to write.
            }
        }
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Serverless.Api;
using Serverless.Api.AspNetCore;
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
        var apiRequest = AspNetApiAdapter.ToApiRequest(request.HttpContext, api.Options.MaxFileBytes + (1024 * 1024), ApiRoutes.Get(route));
        return new ApiResult(await api.HandleAsync(route, apiRequest, new ExecutionClient(client), ct));
    }

    /// <summary>Writes an <see cref="ApiResponse"/> through the shared adapter.</summary>
    private sealed class ApiResult(ApiResponse response) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) =>
            AspNetApiAdapter.WriteAsync(context.HttpContext, response, context.HttpContext.RequestAborted);
    }
}

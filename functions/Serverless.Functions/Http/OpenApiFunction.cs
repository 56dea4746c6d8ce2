using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Api;
using Serverless.Functions.Configuration;

namespace Serverless.Functions.Http;

/// <summary><c>GET /api/v1/openapi.json</c>: the OpenAPI 3 document generated from <see cref="ApiRoutes"/>.</summary>
public sealed class OpenApiFunction(FlowApi flowApi, FunctionsDurableClientSource clients)
{
    private readonly HttpApi api = new(flowApi, clients);

    [Function("OpenApi")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/v1/openapi.json")] HttpRequest req, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        api.HandleAsync(ApiRoutes.OpenApi, req, client, ct);
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Api;
using Serverless.Functions.Configuration;

namespace Serverless.Functions.Http;

/// <summary>Flow routes of <c>/api/v1</c>; the handlers are <see cref="FlowApi"/>'s.</summary>
public sealed class FlowsFunctions(FlowApi flowApi, FunctionsDurableClientSource clients)
{
    private readonly HttpApi api = new(flowApi, clients);

    [Function("FlowsCreate")]
    public Task<IActionResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/v1/flows")] HttpRequest req, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        api.HandleAsync(ApiRoutes.FlowsCreate, req, client, ct);

    [Function("FlowsValidate")]
    public Task<IActionResult> ValidateAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/v1/flows/validate")] HttpRequest req, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        api.HandleAsync(ApiRoutes.FlowsValidate, req, client, ct);

    [Function("FlowsSearch")]
    public Task<IActionResult> SearchAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/v1/flows/search")] HttpRequest req, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        api.HandleAsync(ApiRoutes.FlowsSearch, req, client, ct);

    [Function("FlowsList")]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/v1/flows/{namespace}")] HttpRequest req, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        api.HandleAsync(ApiRoutes.FlowsList, req, client, ct);

    [Function("FlowsGet")]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/v1/flows/{namespace}/{id}")] HttpRequest req, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        api.HandleAsync(ApiRoutes.FlowsGet, req, client, ct);

    [Function("FlowsUpdate")]
    public Task<IActionResult> UpdateAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "api/v1/flows/{namespace}/{id}")] HttpRequest req, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        api.HandleAsync(ApiRoutes.FlowsUpdate, req, client, ct);

    [Function("FlowsDelete")]
    public Task<IActionResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "api/v1/flows/{namespace}/{id}")] HttpRequest req, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        api.HandleAsync(ApiRoutes.FlowsDelete, req, client, ct);

    [Function("FlowsRevisions")]
    public Task<IActionResult> RevisionsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/v1/flows/{namespace}/{id}/revisions")] HttpRequest req, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        api.HandleAsync(ApiRoutes.FlowsRevisions, req, client, ct);
}

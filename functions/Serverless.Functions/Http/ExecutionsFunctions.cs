using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Api;
using Serverless.Functions.Configuration;

namespace Serverless.Functions.Http;

/// <summary>Execution and log routes of <c>/api/v1</c>; the handlers are <see cref="FlowApi"/>'s.</summary>
public sealed class ExecutionsFunctions(FlowApi flowApi, FunctionsDurableClientSource clients)
{
    private readonly HttpApi api = new(flowApi, clients);

    [Function("ExecutionsStart")]
    public Task<IActionResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/v1/executions/{namespace}/{flowId}")] HttpRequest req, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        api.HandleAsync(ApiRoutes.ExecutionsStart, req, client, ct);

    [Function("ExecutionsSearch")]
    public Task<IActionResult> SearchAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/v1/executions/search")] HttpRequest req, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        api.HandleAsync(ApiRoutes.ExecutionsSearch, req, client, ct);

    [Function("ExecutionsGet")]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/v1/executions/{executionId}")] HttpRequest req, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        api.HandleAsync(ApiRoutes.ExecutionsGet, req, client, ct);

    [Function("ExecutionsKill")]
    public Task<IActionResult> KillAsync(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "api/v1/executions/{executionId}/kill")] HttpRequest req, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        api.HandleAsync(ApiRoutes.ExecutionsKill, req, client, ct);

    [Function("ExecutionsResume")]
    public Task<IActionResult> ResumeAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/v1/executions/{executionId}/resume")] HttpRequest req, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        api.HandleAsync(ApiRoutes.ExecutionsResume, req, client, ct);

    [Function("ExecutionsRestart")]
    public Task<IActionResult> RestartAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/v1/executions/{executionId}/restart")] HttpRequest req, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        api.HandleAsync(ApiRoutes.ExecutionsRestart, req, client, ct);

    [Function("ExecutionsFollow")]
    public Task<IActionResult> FollowAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/v1/executions/{executionId}/follow")] HttpRequest req, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        api.HandleAsync(ApiRoutes.ExecutionsFollow, req, client, ct);

    [Function("ExecutionsFile")]
    public Task<IActionResult> FileAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/v1/executions/{executionId}/file")] HttpRequest req, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        api.HandleAsync(ApiRoutes.ExecutionsFile, req, client, ct);

    [Function("LogsGet")]
    public Task<IActionResult> LogsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/v1/logs/{executionId}")] HttpRequest req, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        api.HandleAsync(ApiRoutes.LogsGet, req, client, ct);

    [Function("LogsFollow")]
    public Task<IActionResult> FollowLogsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/v1/logs/{executionId}/follow")] HttpRequest req, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        api.HandleAsync(ApiRoutes.LogsFollow, req, client, ct);
}

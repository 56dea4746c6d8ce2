using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Api;
using Serverless.Functions.Configuration;

namespace Serverless.Functions.Http;

/// <summary>
/// The webhook route: anonymous at the host, because the trigger's own <c>key</c> in the URL is the credential
/// (Kestra's contract). <see cref="FlowApi"/> compares it in constant time and answers an unknown flow and a
/// wrong key with the same 404.
/// </summary>
public sealed class WebhookFunction(FlowApi flowApi, FunctionsDurableClientSource clients)
{
    private readonly HttpApi api = new(flowApi, clients);

    [Function("Webhook")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", Route = "api/v1/executions/webhook/{namespace}/{flowId}/{key}")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct) =>
        api.HandleAsync(ApiRoutes.Webhook, req, client, ct);
}

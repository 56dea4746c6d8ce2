using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Api;
using Serverless.Functions.Configuration;

namespace Serverless.Functions.Http;

/// <summary>
/// Trigger routes of <c>/api/v1</c>: backfilling a Schedule trigger. The handler only records the backfill in
/// the trigger state; the <c>FlowSchedules</c> timer function starts its occurrences on the next ticks.
/// </summary>
public sealed class TriggersFunctions(FlowApi flowApi, FunctionsDurableClientSource clients)
{
    private readonly HttpApi api = new(flowApi, clients);

    [Function("TriggersBackfill")]
    public Task<IActionResult> BackfillAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "api/v1/triggers/{namespace}/{flowId}/{triggerId}/backfill")] HttpRequest req, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        api.HandleAsync(ApiRoutes.TriggersBackfill, req, client, ct);
}

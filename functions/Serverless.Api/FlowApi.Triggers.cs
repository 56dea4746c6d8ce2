using System.Globalization;
using Serverless.Engine.Flows;
using Serverless.Engine.Scheduling;
using Serverless.Engine.Storage;

namespace Serverless.Api;

/// <summary>
/// <c>PUT /api/v1/triggers/{namespace}/{flowId}/{triggerId}/backfill</c>: hands a Schedule trigger's backfill to
/// <see cref="BackfillService"/>. Nothing starts here: the scheduler's next ticks start the window's
/// occurrences, and occurrences that already ran (same deterministic ids) are skipped, so repeating a
/// backfill is harmless.
/// </summary>
public sealed partial class FlowApi
{
    private async Task<ApiResponse> BackfillAsync(ApiRequest request, CancellationToken ct)
    {
        var (ns, flowId, triggerId) = (request.RouteValue("namespace"), request.RouteValue("flowId"), request.RouteValue("triggerId"));
        StoragePaths.ValidateNamespace(ns);
        StoragePaths.ValidateId(flowId, "flow id");
        StoragePaths.ValidateId(triggerId, "trigger id");
        var backfills = _backfills ?? throw new ApiException(501, "This host runs no scheduler, so it cannot backfill schedules.");
        var body = await ApiBodies.ReadJsonObjectAsync(request, _options.MaxJsonBytes, ct);
        var backfill = new BackfillRequest
        {
            Start = Date(body, "start") ?? throw ApiException.BadRequest("start is required: an ISO-8601 date-time (e.g. 2025-01-31T00:00:00Z)."),
            End = Date(body, "end"),
            Inputs = body.GetValueOrDefault("inputs") switch
            {
                null => null,
                IReadOnlyDictionary<string, object?> map => map,
                _ => throw ApiException.BadRequest("inputs must be a JSON object."),
            },
            Labels = BackfillLabels(body.GetValueOrDefault("labels")),
        };
        var flow = await LoadFlowAsync(ns, flowId, revision: null, ct);
        TriggerState? state;
        try
        {
            state = await backfills.StartAsync(flow, triggerId, backfill, ct);
        }
        catch (TriggerOperationException e)
        {
            throw new ApiException(e.NotFound ? 404 : 400, e.Message);
        }

        return ApiResponse.Json(new TriggerView(ns, flowId, triggerId, state?.Disabled ?? false, state?.Backfill));
    }

    private static DateTimeOffset? Date(IReadOnlyDictionary<string, object?> body, string name) => body.GetValueOrDefault(name) switch
    {
        null => null,
        string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) => date,
        var other => throw ApiException.BadRequest($"{name} '{other}' is not an ISO-8601 date-time (e.g. 2025-01-31T00:00:00Z)."),
    };

    /// <summary>Labels as Kestra sends them (<c>[{"key","value"}]</c>) or as a map.</summary>
    private static List<Label>? BackfillLabels(object? value) => value switch
    {
        null => null,
        IReadOnlyDictionary<string, object?> map => [.. map.Select(p => new Label(p.Key, Convert.ToString(p.Value, CultureInfo.InvariantCulture) ?? ""))],
        IReadOnlyList<object?> list => [.. list.Select(item => item is IReadOnlyDictionary<string, object?> pair && pair.GetValueOrDefault("key") is string key
            ? new Label(key, Convert.ToString(pair.GetValueOrDefault("value"), CultureInfo.InvariantCulture) ?? "")
            : throw ApiException.BadRequest("labels must be a list of {\"key\", \"value\"} objects or a map."))],
        _ => throw ApiException.BadRequest("labels must be a list of {\"key\", \"value\"} objects or a map."),
    };

    /// <summary>The trigger after the change, in the shape of Kestra's trigger answer (without its tenant fields).</summary>
    private sealed record TriggerView(string Namespace, string FlowId, string TriggerId, bool Disabled, BackfillState? Backfill);
}

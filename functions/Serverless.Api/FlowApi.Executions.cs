using System.Globalization;
using Serverless.Engine.Executions;
using Serverless.Engine.Flows;
using Serverless.Engine.Records;
using Serverless.Engine.Storage;

namespace Serverless.Api;

/// <summary>Starting executions and reading them: start (JSON or multipart inputs), get, search.</summary>
public sealed partial class FlowApi
{
    private async Task<ApiResponse> StartExecutionAsync(ApiRequest request, ExecutionClient executions, CancellationToken ct)
    {
        var (ns, flowId) = (request.RouteValue("namespace"), request.RouteValue("flowId"));
        int? revision = request.QueryValue("revision") is { } r ? ParsePositive(r, "revision") : null;
        var flow = await LoadFlowAsync(ns, flowId, revision, ct);
        var options = new StartOptions
        {
            ExecutionId = ExecutionIds.New(),
            Labels = ParseLabels(request.QueryValues("labels")),
            ScheduleDate = request.QueryValue("scheduleDate") is { } date ? ParseDate(date, "scheduleDate") : null,
        };
        var wait = IsTrue(request.QueryValue("wait"));
        var uploaded = new List<Uri>();
        Execution started;
        try
        {
            var inputs = request.IsForm
                ? await ReadFormInputsAsync(request, flow, options.ExecutionId, uploaded, ct)
                : await ApiBodies.ReadJsonObjectAsync(request, _options.MaxJsonBytes, ct);
            started = await _launcher.StartAsync(executions, flow, inputs, options, ct);
        }
        catch
        {
            foreach (var uri in uploaded)
            {
                await _storage.DeleteAsync(uri, CancellationToken.None);
            }

            throw;
        }

        return ApiResponse.Json(wait ? await WaitForAsync(executions, started.Id, ct) : started);
    }

    private async Task<ApiResponse> GetExecutionAsync(ApiRequest request, ExecutionClient executions, CancellationToken ct) =>
        ApiResponse.Json(await RequireExecutionAsync(request, executions, ct));

    private async Task<ApiResponse> SearchExecutionsAsync(ApiRequest request, CancellationToken ct)
    {
        var (page, size) = Paging(request);
        var ns = request.QueryValue("namespace") is { Length: > 0 } n ? n : null;
        if (ns is not null)
        {
            StoragePaths.ValidateNamespace(ns);
        }

        var states = new List<State>();
        foreach (var text in request.QueryValues("state").SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            states.Add(Enum.TryParse<State>(text, ignoreCase: true, out var state) && !int.TryParse(text, out _)
                ? state
                : throw ApiException.BadRequest($"state '{text}' is not one of {string.Join(", ", Enum.GetNames<State>())}."));
        }

        var sortText = request.QueryValue("sort");
        var query = new ExecutionQuery
        {
            Namespace = ns,
            FlowId = request.QueryValue("flowId") is { Length: > 0 } f ? f : null,
            States = states,
            StartDate = request.QueryValue("startDate") is { } start ? ParseDate(start, "startDate") : null,
            EndDate = request.QueryValue("endDate") is { } end ? ParseDate(end, "endDate") : null,
            Labels = ParseLabels(request.QueryValues("labels")),
            Page = page,
            Size = size,
            Sort = sortText is null ? ExecutionSort.Default
                : ExecutionSort.Parse(sortText) ?? throw ApiException.BadRequest($"sort '{sortText}' must be field:asc or field:desc with field one of {string.Join(", ", ExecutionSort.Fields)}."),
        };
        var found = await _records.SearchAsync(query, ct);
        return ApiResponse.Json(new PagedResults<Execution>(found.Results, found.Total));
    }

    /// <summary>The flow to run: the latest (or given) live revision, parsed, with its revision number set.</summary>
    private async Task<Flow> LoadFlowAsync(string ns, string flowId, int? revision, CancellationToken ct)
    {
        var stored = await _flows.GetAsync(ns, flowId, revision, ct);
        if (stored is null || (stored.Deleted && revision is null))
        {
            throw ApiException.NotFound($"Flow '{ns}.{flowId}'{(revision is null ? "" : $" revision {revision}")} was not found.");
        }

        var flow = ParseOrThrow(stored.Source) with { Revision = stored.Revision };
        return flow.Disabled
            ? throw ApiException.Unprocessable($"Flow '{ns}.{flowId}' is disabled; enable it to start executions.")
            : flow;
    }

    private static IReadOnlyList<Label> ParseLabels(IEnumerable<string> values)
    {
        var labels = new List<Label>();
        foreach (var text in values)
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == text.Length - 1)
            {
                throw ApiException.BadRequest($"label '{text}' must be key:value.");
            }

            labels.RemoveAll(l => l.Key == text[..colon]);
            labels.Add(new Label(text[..colon], text[(colon + 1)..]));
        }

        return labels;
    }

    private static DateTimeOffset ParseDate(string text, string name) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw ApiException.BadRequest($"{name} '{text}' is not an ISO-8601 date-time (e.g. 2025-01-31T12:00:00Z).");

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}

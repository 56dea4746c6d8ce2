using Serverless.Engine.Flows;
using Serverless.Engine.Parsing;
using Serverless.Engine.Records;
using Serverless.Engine.Storage;
using Serverless.Engine.Validation;

namespace Serverless.Api;

/// <summary>Flow routes: create, update (a new revision), read, list, search, delete and revisions.</summary>
public sealed partial class FlowApi
{
    private async Task<ApiResponse> CreateFlowAsync(ApiRequest request, CancellationToken ct)
    {
        var flow = ParseOrThrow(await ApiBodies.ReadYamlAsync(request, _options.MaxFlowBytes, ct));
        if (await _flows.GetAsync(flow.Namespace, flow.Id, ct: ct) is not null)
        {
            throw ApiException.Conflict($"Flow '{flow.Namespace}.{flow.Id}' already exists; update it with PUT /api/v1/flows/{flow.Namespace}/{flow.Id}.");
        }

        var stored = await _flows.SaveAsync(flow.Namespace, flow.Id, flow.Source, ct);
        return ApiResponse.Json(FlowViews.Json(stored, withSource: false));
    }

    private async Task<ApiResponse> UpdateFlowAsync(ApiRequest request, CancellationToken ct)
    {
        var (ns, id) = (request.RouteValue("namespace"), request.RouteValue("id"));
        var flow = ParseOrThrow(await ApiBodies.ReadYamlAsync(request, _options.MaxFlowBytes, ct));
        if (flow.Namespace != ns || flow.Id != id)
        {
            throw ApiException.Unprocessable(
                $"The YAML defines '{flow.Namespace}.{flow.Id}' but the URL names '{ns}.{id}'; a flow cannot be renamed by an update.",
                [new ApiErrorDetail(flow.Namespace != ns ? "namespace" : "id", "does not match the URL", 1, 1)]);
        }

        if (await _flows.GetAsync(ns, id, ct: ct) is null)
        {
            throw ApiException.NotFound($"Flow '{ns}.{id}' does not exist; create it with POST /api/v1/flows.");
        }

        var stored = await _flows.SaveAsync(ns, id, flow.Source, ct);
        return ApiResponse.Json(FlowViews.Json(stored, withSource: false));
    }

    private async Task<ApiResponse> GetFlowAsync(ApiRequest request, CancellationToken ct)
    {
        var (ns, id) = (request.RouteValue("namespace"), request.RouteValue("id"));
        int? revision = request.QueryValue("revision") is { } text
            ? int.TryParse(text, out var r) && r > 0 ? r : throw ApiException.BadRequest($"revision '{text}' is not a positive number.")
            : null;
        var stored = await _flows.GetAsync(ns, id, revision, ct)
            ?? throw ApiException.NotFound(revision is null ? $"Flow '{ns}.{id}' was not found." : $"Revision {revision} of flow '{ns}.{id}' was not found.");
        var wantsYaml = string.Equals(request.QueryValue("source"), "true", StringComparison.OrdinalIgnoreCase)
            || request.Header("Accept")?.Contains("yaml", StringComparison.OrdinalIgnoreCase) == true;
        return wantsYaml ? ApiResponse.Yaml(stored.Source) : ApiResponse.Json(FlowViews.Json(stored, withSource: false));
    }

    private async Task<ApiResponse> ListFlowsAsync(ApiRequest request, CancellationToken ct)
    {
        var ns = request.RouteValue("namespace");
        StoragePaths.ValidateNamespace(ns);
        var flows = await _flows.ListAsync(ns, ct);
        return ApiResponse.Json(flows.Where(f => f.Namespace == ns).Select(f => FlowViews.Json(f, withSource: false)).ToList());
    }

    private async Task<ApiResponse> SearchFlowsAsync(ApiRequest request, CancellationToken ct)
    {
        var ns = request.QueryValue("namespace") is { Length: > 0 } n ? n : null;
        if (ns is not null)
        {
            StoragePaths.ValidateNamespace(ns);
        }

        var (page, size) = Paging(request);
        var q = request.QueryValue("q");
        var matching = (await _flows.ListAsync(ns, ct))
            .Where(f => string.IsNullOrEmpty(q)
                || f.Id.Contains(q, StringComparison.OrdinalIgnoreCase)
                || f.Namespace.Contains(q, StringComparison.OrdinalIgnoreCase)
                || (FlowViews.Description(f)?.Contains(q, StringComparison.OrdinalIgnoreCase) ?? false))
            .ToList();
        var results = matching.Skip((page - 1) * size).Take(size).Select(f => FlowViews.Json(f, withSource: false)).ToList();
        return ApiResponse.Json(new PagedResults<IReadOnlyDictionary<string, object?>>(results, matching.Count));
    }

    private async Task<ApiResponse> DeleteFlowAsync(ApiRequest request, CancellationToken ct)
    {
        var (ns, id) = (request.RouteValue("namespace"), request.RouteValue("id"));
        return await _flows.DeleteAsync(ns, id, ct)
            ? ApiResponse.NoContent()
            : throw ApiException.NotFound($"Flow '{ns}.{id}' was not found.");
    }

    private async Task<ApiResponse> FlowRevisionsAsync(ApiRequest request, CancellationToken ct)
    {
        var (ns, id) = (request.RouteValue("namespace"), request.RouteValue("id"));
        var revisions = await _flows.RevisionsAsync(ns, id, ct);
        return revisions.Count == 0
            ? throw ApiException.NotFound($"Flow '{ns}.{id}' was not found.")
            : ApiResponse.Json(revisions.Select(r => FlowViews.Json(r, withSource: true)).ToList());
    }

    /// <summary>The valid flow of <paramref name="yaml"/>, or a 422 listing every error with its position.</summary>
    private Flow ParseOrThrow(string yaml)
    {
        var parsed = _parser.Parse(yaml);
        return parsed.IsValid
            ? parsed.Flow!
            : throw ApiException.Unprocessable(
                "Invalid flow: " + string.Join("; ", parsed.Errors.Select(e => $"{e.Position}: {e}")),
                [.. parsed.Errors.Select(Detail)]);
    }

    private static ApiErrorDetail Detail(FlowError error) => new(error.Path, error.Message, error.Position.Line, error.Position.Column);

    private static (int Page, int Size) Paging(ApiRequest request, int defaultSize = 25)
    {
        var page = request.QueryValue("page") is { } p ? ParsePositive(p, "page") : 1;
        var size = request.QueryValue("size") is { } s ? ParsePositive(s, "size") : defaultSize;
        return size > ExecutionQuery.MaxSize
            ? throw ApiException.BadRequest($"size {size} is above the limit of {ExecutionQuery.MaxSize}.")
            : (page, size);
    }

    private static int ParsePositive(string text, string name) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw ApiException.BadRequest($"{name} '{text}' is not a positive whole number.");
}

/// <summary>A page of results and the total over all pages, Kestra's <c>PagedResults</c>.</summary>
public sealed record PagedResults<T>(IReadOnlyList<T> Results, long Total);

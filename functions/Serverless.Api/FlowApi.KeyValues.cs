using System.Xml;
using Serverless.Engine.Contracts;

namespace Serverless.Api;

/// <summary>KV routes: list keys, read a value as <c>{type, value}</c>, set (JSON or text, optional <c>ttl</c> header), delete.</summary>
public sealed partial class FlowApi
{
    private async Task<ApiResponse> ListKeysAsync(ApiRequest request, CancellationToken ct)
    {
        var keys = await _kv.KeysAsync(request.RouteValue("namespace"), request.QueryValue("prefix"), ct);
        return ApiResponse.Json(keys.Select(k => new KeyEntry(k)).ToList());
    }

    private async Task<ApiResponse> GetKeyAsync(ApiRequest request, CancellationToken ct)
    {
        var (ns, key) = (request.RouteValue("namespace"), request.RouteValue("key"));
        var json = await _kv.GetAsync(ns, key, ct) ?? throw ApiException.NotFound($"KV key '{key}' of namespace '{ns}' was not found.");
        var value = PlainValues.ParseJson(json);
        var type = value switch
        {
            string => "STRING",
            long or double => "NUMBER",
            bool => "BOOLEAN",
            null => "NULL",
            _ => "JSON",
        };
        return ApiResponse.Json(new Dictionary<string, object?> { ["type"] = type, ["value"] = value });
    }

    private async Task<ApiResponse> PutKeyAsync(ApiRequest request, CancellationToken ct)
    {
        var (ns, key) = (request.RouteValue("namespace"), request.RouteValue("key"));
        TimeSpan? ttl = null;
        if (request.Header("ttl") is { Length: > 0 } ttlText)
        {
            try
            {
                ttl = XmlConvert.ToTimeSpan(ttlText);
            }
            catch (FormatException)
            {
                throw ApiException.BadRequest($"ttl '{ttlText}' is not an ISO-8601 duration such as PT1H.");
            }
        }

        string json;
        if (request.MediaType is "text/plain")
        {
            json = PlainValues.ToJson(await ApiBodies.ReadTextAsync(request, _options.MaxJsonBytes, ct));
        }
        else
        {
            var value = await ApiBodies.ReadJsonAsync(request, _options.MaxJsonBytes, ct);
            json = PlainValues.ToJson(value);
        }

        await _kv.SetAsync(ns, key, json, ttl, ct);
        return ApiResponse.NoContent();
    }

    private async Task<ApiResponse> DeleteKeyAsync(ApiRequest request, CancellationToken ct)
    {
        var (ns, key) = (request.RouteValue("namespace"), request.RouteValue("key"));
        return await _kv.DeleteAsync(ns, key, ct)
            ? ApiResponse.NoContent()
            : throw ApiException.NotFound($"KV key '{key}' of namespace '{ns}' was not found.");
    }
}

/// <summary>One key of a namespace's KV store.</summary>
public sealed record KeyEntry(string Key);

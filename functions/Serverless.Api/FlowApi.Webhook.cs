using System.Security.Cryptography;
using System.Text;
using Serverless.Engine.Executions;
using Serverless.Engine.Expressions;
using Serverless.Engine.Flows;
using Serverless.Engine.Storage;
using Serverless.Engine.Tasks;
using Serverless.Engine.Triggers;

namespace Serverless.Api;

/// <summary>
/// <c>/api/v1/executions/webhook/{namespace}/{flowId}/{key}</c>: the one anonymous route. The key is the
/// credential, compared in constant time against every Webhook trigger of the flow; an unknown flow and a
/// wrong key both answer the same 404, so the route does not reveal which flows exist.
/// </summary>
public sealed partial class FlowApi
{
    private const string ExpressionCondition = "io.kestra.plugin.core.condition.ExpressionCondition";
    private static readonly WebhookTrigger WebhookType = new();

    private async Task<ApiResponse> WebhookAsync(ApiRequest request, ExecutionClient executions, CancellationToken ct)
    {
        var (ns, flowId, key) = (request.RouteValue("namespace"), request.RouteValue("flowId"), request.RouteValue("key"));
        var notFound = ApiException.NotFound($"No webhook '{ns}/{flowId}' with this key.");
        Flow? flow = null;
        try
        {
            StoragePaths.ValidateNamespace(ns);
            StoragePaths.ValidateId(flowId, "flow id");
            var stored = await _flows.GetAsync(ns, flowId, ct: ct);
            flow = stored is null ? null : _parser.Parse(stored.Source).Flow is { } parsed ? parsed with { Revision = stored.Revision } : null;
        }
        catch (StorageException e) when (e.Kind is StorageErrorKind.InvalidPath or StorageErrorKind.NotFound)
        {
            throw notFound;
        }

        var trigger = flow is null || flow.Disabled ? null : MatchingWebhook(flow, key);
        if (trigger is null)
        {
            throw notFound;
        }

        var variables = new Dictionary<string, object?>
        {
            ["body"] = await WebhookBodyAsync(request, ct),
            ["headers"] = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => (object?)h.Value.Cast<object?>().ToList()),
            ["parameters"] = request.Query.ToDictionary(q => q.Key, q => (object?)q.Value.Cast<object?>().ToList()),
        };
        var scope = new ExpressionScope(new Dictionary<string, object?> { ["trigger"] = variables, ["flow"] = new Dictionary<string, object?> { ["id"] = flow!.Id, ["namespace"] = flow.Namespace } })
        {
            Now = _clock.GetUtcNow(),
        };
        if (!ConditionsHold(flow, trigger, scope))
        {
            throw ApiException.Unprocessable($"The conditions of webhook trigger '{trigger.Id}' are not met; no execution was started.");
        }

        var inputs = trigger.Properties.GetValueOrDefault("inputs") is IReadOnlyDictionary<string, object?> declared
            ? declared.ToDictionary(i => i.Key, i => i.Value is string text ? ExpressionEngine.Shared.RenderTyped(text, scope) : i.Value)
            : new Dictionary<string, object?>();
        var started = await _launcher.StartAsync(executions, flow, inputs, new StartOptions { Trigger = variables }, ct);
        if (!Truthiness.ToBool(trigger.Properties.GetValueOrDefault("wait"), false))
        {
            return ApiResponse.Json(started);
        }

        var ended = await WaitForAsync(executions, started.Id, ct);
        return Truthiness.ToBool(trigger.Properties.GetValueOrDefault("returnOutputs"), false)
            ? ApiResponse.Json(ended.Outputs ?? new Dictionary<string, object?>())
            : ApiResponse.Json(ended);
    }

    /// <summary>The enabled Webhook trigger whose key equals <paramref name="key"/>; every trigger is compared, in constant time.</summary>
    private static TriggerDefinition? MatchingWebhook(Flow flow, string key)
    {
        // Compared as SHA-256 hashes: FixedTimeEquals returns early on a length mismatch, which would leak the key's length.
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        TriggerDefinition? match = null;
        foreach (var trigger in flow.Triggers.Where(t => !t.Disabled && WebhookType.Names.Contains(t.Type)))
        {
            var expected = trigger.Properties.GetValueOrDefault("key") as string ?? "";
            if (expected.Length > 0 && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), given))
            {
                match ??= trigger;
            }
        }

        return match;
    }

    private async Task<object?> WebhookBodyAsync(ApiRequest request, CancellationToken ct)
    {
        if (request.MediaType is "application/json" || request.MediaType?.EndsWith("+json", StringComparison.Ordinal) == true)
        {
            return await ApiBodies.ReadJsonAsync(request, _options.MaxJsonBytes, ct);
        }

        var text = await ApiBodies.ReadTextAsync(request, _options.MaxJsonBytes, ct);
        return text.Length == 0 ? null : text;
    }

    /// <summary>ExpressionCondition is evaluated; other condition types are logged and ignored.</summary>
    private bool ConditionsHold(Flow flow, TriggerDefinition trigger, ExpressionScope scope)
    {
        if (trigger.Properties.GetValueOrDefault("conditions") is not IReadOnlyList<object?> conditions)
        {
            return true;
        }

        foreach (var condition in conditions.OfType<IReadOnlyDictionary<string, object?>>())
        {
            var type = condition.GetValueOrDefault("type") as string ?? "";
            if (type is ExpressionCondition or "io.kestra.core.models.conditions.types.ExpressionCondition")
            {
                var expression = condition.GetValueOrDefault("expression") as string ?? "";
                try
                {
                    if (!Truthiness.IsTruthy(ExpressionEngine.Shared.RenderTyped(expression, scope)))
                    {
                        return false;
                    }
                }
                catch (ExpressionException e)
                {
                    throw ApiException.Unprocessable($"Condition of webhook trigger '{trigger.Id}' failed to render: {e.Message}");
                }
            }
            else
            {
                Log.ConditionIgnored(_logger, trigger.Id, flow.Namespace, flow.Id, type);
            }
        }

        return true;
    }
}

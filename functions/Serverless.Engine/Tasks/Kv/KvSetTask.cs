using System.Globalization;
using Serverless.Engine.Contracts;
using Serverless.Engine.Expressions;
using Serverless.Engine.Parsing;
using Serverless.Engine.Secrets;

namespace Serverless.Engine.Tasks.Kv;

/// <summary>
/// <c>io.kestra.plugin.core.kv.Set</c>: stores a value under a key of the flow's namespace (or a child
/// namespace), optionally with a time to live. <c>overwrite: false</c> fails when the key exists.
/// <code>
/// - id: remember
///   type: io.kestra.plugin.core.kv.Set
///   key: last_run
///   value: "{{ execution.startDate }}"
///   ttl: P7D
/// </code>
/// <c>kvType</c> (STRING, NUMBER, BOOLEAN, JSON, DATETIME, DATE, DURATION) converts a text value before storing.
/// </summary>
public sealed class KvSetTask : RunnableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.kv.Set"];

    public override IReadOnlyList<PropertySpec> Properties { get; } =
    [
        PropertySpec.String("key", required: true),
        PropertySpec.Any("value", required: true),
        PropertySpec.String("namespace"),
        PropertySpec.Boolean("overwrite"),
        PropertySpec.Duration("ttl"),
        PropertySpec.String("kvType"),
        PropertySpec.String("description"),
    ];

    public override async Task<TaskResult> RunAsync(TaskRunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = context.RenderString("key") ?? throw new ArgumentException("'key' is required.");
        var ns = KvNamespaces.Resolve(context.Request.Namespace, context.RenderString("namespace"));
        var store = KvNamespaces.Store(context);
        var ct = context.CancellationToken;
        if (!context.RenderBool("overwrite", defaultValue: true) && await store.GetAsync(ns, key, ct) is not null)
        {
            return context.FailMasked("KeyExists", $"Cannot set value for key '{key}': it already exists in namespace '{ns}' and overwrite is false.", retryable: false);
        }

        var ttlText = context.RenderString("ttl");
        TimeSpan? ttl = ttlText is null ? null
            : Durations.TryParse(ttlText, out var parsed) ? parsed
            : throw new ArgumentException($"'ttl' must be an ISO-8601 duration such as P1D, not '{ttlText}'.");
        var value = Convert(context.RenderValue("value"), context.RenderString("kvType"));
        await store.SetAsync(ns, key, PlainValues.ToJson(value), ttl, ct);
        return TaskResult.Success();
    }

    private static object? Convert(object? value, string? kvType)
    {
        if (value is not string text || kvType is null)
        {
            return value;
        }

        return kvType.ToUpperInvariant() switch
        {
            "STRING" or "DATETIME" or "DATE" or "DURATION" => text,
            "NUMBER" => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l
                : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d
                : throw new ArgumentException($"kvType NUMBER: '{text}' is not a number."),
            "BOOLEAN" => bool.TryParse(text, out var b) ? b : throw new ArgumentException($"kvType BOOLEAN: '{text}' is not true or false."),
            "JSON" => ParseJson(text),
            var other => throw new ArgumentException($"unknown kvType '{other}' (expected STRING, NUMBER, BOOLEAN, JSON, DATETIME, DATE or DURATION)."),
        };
    }

    private static object? ParseJson(string text)
    {
        try
        {
            return PlainValues.ParseJson(text);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new ArgumentException($"kvType JSON: the value is not valid JSON ({e.Message}).", e);
        }
    }
}

using Serverless.Engine.Contracts;
using Serverless.Engine.Secrets;

namespace Serverless.Engine.Tasks.Kv;

/// <summary>
/// <c>io.kestra.plugin.core.kv.Get</c>: reads a key of the flow's namespace (or a child namespace) into
/// <c>outputs.{id}.value</c>; a missing or expired key gives null, or fails with <c>errorOnMissing: true</c>.
/// <code>
/// - id: last
///   type: io.kestra.plugin.core.kv.Get
///   key: last_run
/// </code>
/// </summary>
public sealed class KvGetTask : RunnableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.kv.Get"];

    public override IReadOnlyList<PropertySpec> Properties { get; } =
    [
        PropertySpec.String("key", required: true),
        PropertySpec.String("namespace"),
        PropertySpec.Boolean("errorOnMissing"),
    ];

    public override async Task<TaskResult> RunAsync(TaskRunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = context.RenderString("key") ?? throw new ArgumentException("'key' is required.");
        var ns = KvNamespaces.Resolve(context.Request.Namespace, context.RenderString("namespace"));
        var json = await KvNamespaces.Store(context).GetAsync(ns, key, context.CancellationToken);
        if (json is null && context.RenderBool("errorOnMissing", defaultValue: false))
        {
            return context.FailMasked("KeyNotFound", $"No value for key '{key}' in namespace '{ns}' (missing or expired).", retryable: false);
        }

        return Secrets.SecretMasking.MaskResult(context, TaskResult.Success(new Dictionary<string, object?> { ["value"] = json is null ? null : PlainValues.ParseJson(json) }));
    }
}

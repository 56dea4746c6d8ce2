using Serverless.Engine.Contracts;
using Serverless.Engine.Secrets;

namespace Serverless.Engine.Tasks.Kv;

/// <summary>
/// <c>io.kestra.plugin.core.kv.Delete</c>: deletes a key of the flow's namespace (or a child namespace);
/// <c>outputs.{id}.deleted</c> says whether it existed. <c>errorOnMissing: true</c> fails when it did not.
/// <code>
/// - id: forget
///   type: io.kestra.plugin.core.kv.Delete
///   key: last_run
/// </code>
/// </summary>
public sealed class KvDeleteTask : RunnableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.kv.Delete"];

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
        var deleted = await KvNamespaces.Store(context).DeleteAsync(ns, key, context.CancellationToken);
        if (!deleted && context.RenderBool("errorOnMissing", defaultValue: false))
        {
            return context.FailMasked("KeyNotFound", $"No key '{key}' to delete in namespace '{ns}'.", retryable: false);
        }

        return TaskResult.Success(new Dictionary<string, object?> { ["deleted"] = deleted });
    }
}

using Serverless.Engine.Contracts;

namespace Serverless.Engine.Tasks.Kv;

/// <summary>
/// <c>io.kestra.plugin.core.kv.GetKeys</c>: the live keys of the flow's namespace (or a child namespace),
/// optionally only those starting with <c>prefix</c>, as <c>outputs.{id}.keys</c>.
/// <code>
/// - id: keys
///   type: io.kestra.plugin.core.kv.GetKeys
///   prefix: last_
/// </code>
/// </summary>
public sealed class KvGetKeysTask : RunnableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.kv.GetKeys"];

    public override IReadOnlyList<PropertySpec> Properties { get; } = [PropertySpec.String("prefix"), PropertySpec.String("namespace")];

    public override async Task<TaskResult> RunAsync(TaskRunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ns = KvNamespaces.Resolve(context.Request.Namespace, context.RenderString("namespace"));
        var keys = await KvNamespaces.Store(context).KeysAsync(ns, context.RenderString("prefix"), context.CancellationToken);
        return TaskResult.Success(new Dictionary<string, object?> { ["keys"] = keys.Cast<object?>().ToList() });
    }
}

using Serverless.Engine.Contracts;

namespace Serverless.Engine.Tasks.Storage;

/// <summary>
/// <c>io.kestra.plugin.core.storage.Size</c>: the size in bytes of an internal storage file of the flow's
/// namespace, as <c>outputs.{id}.size</c>.
/// <code>
/// - id: size
///   type: io.kestra.plugin.core.storage.Size
///   uri: "{{ outputs.write.uri }}"
/// </code>
/// </summary>
public sealed class SizeTask : RunnableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.storage.Size", "io.kestra.core.tasks.storages.Size"];

    public override IReadOnlyList<PropertySpec> Properties { get; } = [PropertySpec.String("uri", required: true)];

    public override async Task<TaskResult> RunAsync(TaskRunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var size = await StorageTaskSupport.Store(context).SizeAsync(StorageTaskSupport.Uri(context, "uri"), context.CancellationToken);
        return TaskResult.Success(new Dictionary<string, object?> { ["size"] = size });
    }
}

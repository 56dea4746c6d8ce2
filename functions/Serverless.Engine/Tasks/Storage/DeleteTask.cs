using Serverless.Engine.Contracts;
using Serverless.Engine.Secrets;

namespace Serverless.Engine.Tasks.Storage;

/// <summary>
/// <c>io.kestra.plugin.core.storage.Delete</c>: deletes an internal storage file of the flow's namespace.
/// Outputs <c>uri</c> and <c>deleted</c>; with <c>errorOnMissing: true</c> a missing file fails the task.
/// <code>
/// - id: cleanup
///   type: io.kestra.plugin.core.storage.Delete
///   uri: "{{ outputs.write.uri }}"
/// </code>
/// </summary>
public sealed class DeleteTask : RunnableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.storage.Delete", "io.kestra.core.tasks.storages.Delete"];

    public override IReadOnlyList<PropertySpec> Properties { get; } =
        [PropertySpec.String("uri", required: true), PropertySpec.Boolean("errorOnMissing")];

    public override async Task<TaskResult> RunAsync(TaskRunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var uri = StorageTaskSupport.Uri(context, "uri");
        var deleted = await StorageTaskSupport.Store(context).DeleteAsync(uri, context.CancellationToken);
        if (!deleted && context.RenderBool("errorOnMissing", defaultValue: false))
        {
            return context.FailMasked("FileNotFound", $"No internal storage file '{uri.OriginalString}' to delete.", retryable: false);
        }

        return TaskResult.Success(new Dictionary<string, object?> { ["uri"] = uri.OriginalString, ["deleted"] = deleted });
    }
}

using System.Text;
using Serverless.Engine.Contracts;

namespace Serverless.Engine.Tasks.Storage;

/// <summary>
/// <c>io.kestra.plugin.core.storage.Write</c>: writes rendered text to a file in internal storage and
/// returns its <c>kestra://</c> URI as <c>outputs.{id}.uri</c>.
/// <code>
/// - id: write
///   type: io.kestra.plugin.core.storage.Write
///   content: "{{ outputs.fetch.body }}"
///   extension: .json
/// </code>
/// </summary>
public sealed class WriteTask : RunnableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.storage.Write"];

    public override IReadOnlyList<PropertySpec> Properties { get; } =
        [PropertySpec.String("content", required: true), PropertySpec.String("extension")];

    public override async Task<TaskResult> RunAsync(TaskRunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var content = context.RenderString("content") ?? "";
        var name = StorageTaskSupport.FileName(context, context.RenderString("extension"), ".ion");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        var uri = await StorageTaskSupport.Store(context).PutAsync(StorageTaskSupport.Scope(context), name, stream, context.CancellationToken);
        return TaskResult.Success(new Dictionary<string, object?> { ["uri"] = uri.ToString() });
    }
}

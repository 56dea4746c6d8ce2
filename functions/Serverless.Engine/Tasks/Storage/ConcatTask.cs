using System.Text;
using Serverless.Engine.Contracts;
using Serverless.Engine.Tasks.Scripts;

namespace Serverless.Engine.Tasks.Storage;

/// <summary>
/// <c>io.kestra.plugin.core.storage.Concat</c>: concatenates internal storage files of the flow's namespace,
/// in order, with an optional <c>separator</c> between them, into a new file (<c>outputs.{id}.uri</c>).
/// <code>
/// - id: concat
///   type: io.kestra.plugin.core.storage.Concat
///   files:
///     - "{{ outputs.first.uri }}"
///     - "{{ outputs.second.uri }}"
///   separator: "\n"
///   extension: .csv
/// </code>
/// <c>files</c> may also be an expression producing a list or a JSON array.
/// </summary>
public sealed class ConcatTask : RunnableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.storage.Concat", "io.kestra.core.tasks.storages.Concat"];

    public override IReadOnlyList<PropertySpec> Properties { get; } =
    [
        PropertySpec.Any("files", required: true),
        PropertySpec.String("separator"),
        PropertySpec.String("extension"),
    ];

    public override async Task<TaskResult> RunAsync(TaskRunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ct = context.CancellationToken;
        var storage = StorageTaskSupport.Store(context);
        var files = RenderedValues.StringList(context.RenderValue("files"), "files")
            .Select(f => InternalFiles.CheckNamespace(f.Trim(), context.Request.Namespace))
            .ToList();
        var separator = Encoding.UTF8.GetBytes(context.RenderString("separator") ?? "");

        // Concatenated into a temporary file, not memory: the inputs may be large.
        var temp = Path.GetTempFileName();
        try
        {
            await using (var output = new FileStream(temp, FileMode.Create, FileAccess.Write))
            {
                for (var i = 0; i < files.Count; i++)
                {
                    if (i > 0)
                    {
                        await output.WriteAsync(separator, ct);
                    }

                    await using var input = await storage.OpenReadAsync(files[i], ct);
                    await input.CopyToAsync(output, ct);
                }
            }

            await using var content = File.OpenRead(temp);
            var name = StorageTaskSupport.FileName(context, context.RenderString("extension"), ".tmp");
            var uri = await storage.PutAsync(StorageTaskSupport.Scope(context), name, content, ct);
            return TaskResult.Success(new Dictionary<string, object?> { ["uri"] = uri.ToString() });
        }
        finally
        {
            File.Delete(temp);
        }
    }
}

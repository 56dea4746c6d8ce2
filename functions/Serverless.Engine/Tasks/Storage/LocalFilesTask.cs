using Serverless.Engine.Contracts;
using Serverless.Engine.Expressions;
using Serverless.Engine.Storage;
using Serverless.Engine.Tasks.Scripts;

namespace Serverless.Engine.Tasks.Storage;

/// <summary>
/// <c>io.kestra.plugin.core.storage.LocalFiles</c> (deprecated in Kestra, kept so old flows run): inside a
/// <c>WorkingDirectory</c>, writes <c>inputs</c> (path → content, or a <c>kestra://</c> URI to copy; a map or
/// its JSON text) into the shared folder, then uploads the files matching the <c>outputs</c> globs, as
/// <c>outputs.{id}.uris</c> (path → <c>kestra://</c> URI). New flows should use the WorkingDirectory's own
/// <c>inputFiles</c>/<c>outputFiles</c>.
/// <code>
/// - id: wd
///   type: io.kestra.plugin.core.flow.WorkingDirectory
///   tasks:
///     - id: files
///       type: io.kestra.plugin.core.storage.LocalFiles
///       inputs:
///         hello.txt: "Hello World"
///       outputs: ["*.txt"]
/// </code>
/// </summary>
/// <remarks>Outside a WorkingDirectory the folder is this attempt's own and is deleted at its end, as in Kestra.</remarks>
public sealed class LocalFilesTask : RunnableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.storage.LocalFiles", "io.kestra.core.tasks.storages.LocalFiles"];

    public override IReadOnlyList<PropertySpec> Properties { get; } = [PropertySpec.Any("inputs"), PropertySpec.Any("outputs")];

    public override async Task<TaskResult> RunAsync(TaskRunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var owned = context.WorkingDirectory is null ? ScriptWorkspace.Create() : null;
        var workspace = context.WorkingDirectory ?? owned!;
        var ct = context.CancellationToken;

        foreach (var (name, value) in RenderedValues.Map(context.RenderValue("inputs"), "inputs"))
        {
            var content = ExpressionEngine.ToText(value);
            if (content.StartsWith(KestraUris.Scheme + "://", StringComparison.OrdinalIgnoreCase))
            {
                var uri = InternalFiles.CheckNamespace(content, context.Request.Namespace);
                await using var stream = await StorageTaskSupport.Store(context).OpenReadAsync(uri, ct);
                await workspace.WriteAsync(name, stream, ct);
            }
            else
            {
                await workspace.WriteTextAsync(name, content, ct);
            }
        }

        var globs = Globs.Compile(RenderedValues.StringList(context.RenderValue("outputs"), "outputs"), "outputs");
        var uris = globs.IsEmpty
            ? new Dictionary<string, object?>(StringComparer.Ordinal)
            : await ScriptTaskType.UploadOutputFilesAsync(context, workspace, workspace.FindFiles(globs, new HashSet<string>()), ct);
        return TaskResult.Success(new Dictionary<string, object?> { ["uris"] = uris });
    }
}

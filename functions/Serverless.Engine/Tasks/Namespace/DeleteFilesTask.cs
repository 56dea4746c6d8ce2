using Serverless.Engine.Contracts;
using Serverless.Engine.Secrets;
using Serverless.Engine.Storage;
using Serverless.Engine.Tasks.Scripts;

namespace Serverless.Engine.Tasks.Namespace;

/// <summary>
/// <c>io.kestra.plugin.core.namespace.DeleteFiles</c>: deletes the namespace files matching the
/// <c>files</c> globs; <c>outputs.{id}.files</c> lists the deleted paths. <c>errorOnMissing: true</c> fails
/// when nothing matched.
/// <code>
/// - id: cleanup
///   type: io.kestra.plugin.core.namespace.DeleteFiles
///   files:
///     - "tmp/**"
/// </code>
/// </summary>
public sealed class DeleteFilesTask : RunnableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.namespace.DeleteFiles"];

    public override IReadOnlyList<PropertySpec> Properties { get; } =
    [
        PropertySpec.String("namespace"),
        new("files", PropertyKind.StringOrList, Required: true),
        PropertySpec.Boolean("deleteParentFolder"),
        PropertySpec.Boolean("errorOnMissing"),
    ];

    public override async Task<TaskResult> RunAsync(TaskRunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ct = context.CancellationToken;
        var ns = NamespaceAccess.Resolve(context.Request.Namespace, context.RenderString("namespace"), "namespace files");
        var globs = Globs.Compile(RenderedValues.StringList(context.RenderValue("files"), "files").Select(p => p.TrimStart('/')), "files");
        var store = ScriptTaskType.Require<INamespaceFileStore>(context, "DeleteFiles");
        var deleted = new List<object?>();
        foreach (var file in (await store.ListAsync(ns, ct: ct)).Where(f => globs.Matches(f.Path)))
        {
            if (await store.DeleteAsync(ns, file.Path, ct))
            {
                deleted.Add(file.Path);
            }
        }

        if (deleted.Count == 0 && context.RenderBool("errorOnMissing", defaultValue: false))
        {
            return context.FailMasked("FileNotFound", $"No namespace file of '{ns}' matches the given patterns.", retryable: false);
        }

        return TaskResult.Success(new Dictionary<string, object?> { ["files"] = deleted });
    }
}

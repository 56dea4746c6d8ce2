using Serverless.Engine.Contracts;
using Serverless.Engine.Storage;
using Serverless.Engine.Tasks.Scripts;

namespace Serverless.Engine.Tasks.Namespace;

/// <summary>
/// <c>io.kestra.plugin.core.namespace.DownloadFiles</c>: copies the namespace files matching the
/// <c>files</c> globs into internal storage; <c>outputs.{id}.files</c> maps each path to its <c>kestra://</c> URI.
/// <code>
/// - id: templates
///   type: io.kestra.plugin.core.namespace.DownloadFiles
///   namespace: company.team
///   files:
///     - "templates/**"
/// </code>
/// </summary>
public sealed class DownloadFilesTask : RunnableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.namespace.DownloadFiles"];

    public override IReadOnlyList<PropertySpec> Properties { get; } =
        [PropertySpec.String("namespace"), new("files", PropertyKind.StringOrList, Required: true), PropertySpec.String("destination")];

    public override async Task<TaskResult> RunAsync(TaskRunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ct = context.CancellationToken;
        var ns = NamespaceAccess.Resolve(context.Request.Namespace, context.RenderString("namespace"), "namespace files");
        var globs = Globs.Compile(RenderedValues.StringList(context.RenderValue("files"), "files").Select(p => p.TrimStart('/')), "files");
        var store = ScriptTaskType.Require<INamespaceFileStore>(context, "DownloadFiles");
        var storage = ScriptTaskType.Require<IInternalStorage>(context, "DownloadFiles");
        var r = context.Request;
        var scope = new StorageScope(r.Namespace, r.FlowId, r.ExecutionId, r.TaskId, r.TaskRunId);
        var destination = (context.RenderString("destination") ?? "").Trim('/');
        var files = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var file in (await store.ListAsync(ns, ct: ct)).Where(f => globs.Matches(f.Path)))
        {
            await using var content = await store.OpenReadAsync(ns, file.Path, ct);
            if (content is not null)
            {
                var name = destination.Length == 0 ? file.Path : destination + "/" + file.Path;
                files[file.Path] = (await storage.PutAsync(scope, name, content, ct)).ToString();
            }
        }

        return TaskResult.Success(new Dictionary<string, object?> { ["files"] = files });
    }
}

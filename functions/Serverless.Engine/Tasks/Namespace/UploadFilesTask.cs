using Serverless.Engine.Contracts;
using Serverless.Engine.Expressions;
using Serverless.Engine.Secrets;
using Serverless.Engine.Storage;
using Serverless.Engine.Tasks.Scripts;
using Serverless.Engine.Tasks.Storage;

namespace Serverless.Engine.Tasks.Namespace;

/// <summary>
/// <c>io.kestra.plugin.core.namespace.UploadFiles</c>: copies internal storage files (e.g. a script's
/// output files) into namespace files. <c>files</c> is a list of <c>kestra://</c> URIs put under
/// <c>destination</c> by file name, or a map of namespace path → URI (<c>filesMap</c> is the same map).
/// <c>conflict</c>: OVERWRITE (default), ERROR or SKIP.
/// <code>
/// - id: publish
///   type: io.kestra.plugin.core.namespace.UploadFiles
///   files:
///     reports/latest.csv: "{{ outputs.report.outputFiles['report.csv'] }}"
/// </code>
/// Output: <c>files</c> (the namespace paths written).
/// </summary>
public sealed class UploadFilesTask : RunnableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.namespace.UploadFiles"];

    public override IReadOnlyList<PropertySpec> Properties { get; } =
    [
        PropertySpec.String("namespace"),
        PropertySpec.Any("files"),
        PropertySpec.Map("filesMap"),
        PropertySpec.String("destination"),
        PropertySpec.String("conflict"),
    ];

    public override async Task<TaskResult> RunAsync(TaskRunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ct = context.CancellationToken;
        var ns = NamespaceAccess.Resolve(context.Request.Namespace, context.RenderString("namespace"), "namespace files");
        var store = ScriptTaskType.Require<INamespaceFileStore>(context, "UploadFiles");
        var storage = ScriptTaskType.Require<IInternalStorage>(context, "UploadFiles");
        var conflict = (context.RenderString("conflict") ?? "OVERWRITE").ToUpperInvariant();
        var written = new List<object?>();
        foreach (var (path, uriText) in Targets(context))
        {
            var target = StoragePaths.NormalizeRelative(path);
            if (conflict != "OVERWRITE" && await store.OpenReadAsync(ns, target, ct) is { } existing)
            {
                await existing.DisposeAsync();
                if (conflict == "SKIP")
                {
                    continue;
                }

                return context.FailMasked("FileExists", $"Namespace file '{ns}/{target}' already exists and conflict is {conflict}.", retryable: false);
            }

            await using var content = await storage.OpenReadAsync(InternalFiles.CheckNamespace(uriText, context.Request.Namespace), ct);
            await store.WriteAsync(ns, target, content, ct);
            written.Add(target);
        }

        return TaskResult.Success(new Dictionary<string, object?> { ["files"] = written });
    }

    private static IEnumerable<(string Path, string Uri)> Targets(TaskRunContext context)
    {
        var map = context.RenderValue("filesMap") ?? context.RenderValue("files");
        if (map is IReadOnlyDictionary<string, object?> byPath)
        {
            return byPath.Select(e => (e.Key.TrimStart('/'), ExpressionEngine.ToText(e.Value)));
        }

        var destination = (context.RenderString("destination") ?? "").Trim('/');
        return RenderedValues.StringList(map, "files").Select(uri =>
        {
            var name = Uri.UnescapeDataString(uri.TrimEnd('/')[(uri.TrimEnd('/').LastIndexOf('/') + 1)..]);
            return (destination.Length == 0 ? name : destination + "/" + name, uri);
        });
    }
}

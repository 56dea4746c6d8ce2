using Serverless.Engine.Storage;
using Serverless.Engine.Tasks.Scripts;

namespace Serverless.Engine.Tasks.Storage;

/// <summary>What the storage tasks share: the store, the task run's scope and file names.</summary>
internal static class StorageTaskSupport
{
    public static IInternalStorage Store(TaskRunContext context) => ScriptTaskType.Require<IInternalStorage>(context, "storage tasks");

    public static StorageScope Scope(TaskRunContext context)
    {
        var r = context.Request;
        return new StorageScope(r.Namespace, r.FlowId, r.ExecutionId, r.TaskId, r.TaskRunId);
    }

    /// <summary><c>{taskId}{extension}</c>; the same name on a retried attempt, so a retry overwrites instead of adding a file.</summary>
    public static string FileName(TaskRunContext context, string? extension, string defaultExtension)
    {
        var ext = string.IsNullOrEmpty(extension) ? defaultExtension : extension.StartsWith('.') ? extension : "." + extension;
        return StoragePaths.NormalizeRelative(context.Request.TaskId + ext);
    }

    /// <summary>The <c>kestra://</c> URI of property <paramref name="property"/>, checked to be in the flow's namespace.</summary>
    public static Uri Uri(TaskRunContext context, string property)
    {
        var text = context.RenderString(property);
        return string.IsNullOrWhiteSpace(text)
            ? throw new ArgumentException($"'{property}' is required.")
            : InternalFiles.CheckNamespace(text.Trim(), context.Request.Namespace);
    }
}

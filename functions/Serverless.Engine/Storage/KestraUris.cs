namespace Serverless.Engine.Storage;

/// <summary>
/// Builds and parses <c>kestra:///</c> URIs. Parsing works on the original string, segment by segment,
/// because <see cref="Uri"/> silently collapses dot segments and decodes escapes: both would hide a
/// traversal from the validation that follows.
/// </summary>
public static class KestraUris
{
    public const string Scheme = "kestra";
    private const string Prefix = "kestra:///";

    /// <summary>The storage-relative path of a scope's file (also the blob name and the local relative path).</summary>
    public static string PathFor(StorageScope scope, string fileName)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var file = StoragePaths.NormalizeRelative(fileName);
        var execution = ExecutionPrefix(scope.Namespace, scope.FlowId, scope.ExecutionId);
        if (scope.TaskId is null)
        {
            return scope.TaskRunId is null
                ? execution + file
                : throw new ArgumentException("A task run id needs a task id.", nameof(scope));
        }

        StoragePaths.ValidateId(scope.TaskId, "task id");
        var task = execution + "tasks/" + scope.TaskId + "/";
        if (scope.TaskRunId is not null)
        {
            StoragePaths.ValidateId(scope.TaskRunId, "task run id");
            task += scope.TaskRunId + "/";
        }

        return task + file;
    }

    /// <summary><c>{ns as folders}/</c>, <c>…/{flowId}/</c> or <c>…/{flowId}/executions/{executionId}/</c>.</summary>
    public static string ListPrefix(string ns, string? flowId, string? executionId)
    {
        if (flowId is null)
        {
            return executionId is null
                ? StoragePaths.NamespaceToPath(ns) + "/"
                : throw new ArgumentException("Listing an execution's files needs its flow id.", nameof(flowId));
        }

        if (executionId is null)
        {
            StoragePaths.ValidateId(flowId, "flow id");
            return StoragePaths.NamespaceToPath(ns) + "/" + flowId + "/";
        }

        return ExecutionPrefix(ns, flowId, executionId);
    }

    /// <summary>The URI of a storage-relative path; each segment is percent-escaped.</summary>
    public static Uri ToUri(string relativePath) =>
        new(Prefix + string.Join('/', relativePath.Split('/').Select(Uri.EscapeDataString)), UriKind.Absolute);

    /// <summary>
    /// The validated storage-relative path of a <c>kestra:///</c> URI. Throws <see cref="StorageException"/>
    /// (<see cref="StorageErrorKind.InvalidPath"/>) for another scheme, a host, a query or an unsafe path.
    /// </summary>
    public static string ToPath(Uri kestraUri)
    {
        ArgumentNullException.ThrowIfNull(kestraUri);
        var text = kestraUri.OriginalString;
        if (!text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            throw StorageException.InvalidPath("internal storage URI", text, "expected 'kestra:///namespace/flow/executions/…'");
        }

        var rest = text[Prefix.Length..];
        if (rest.Contains('?', StringComparison.Ordinal) || rest.Contains('#', StringComparison.Ordinal))
        {
            throw StorageException.InvalidPath("internal storage URI", text, "queries and fragments are not allowed");
        }

        var segments = rest.Split('/').Select(Uri.UnescapeDataString).ToArray();

        // Decoded segments must not contain a separator: '%2F' inside a segment would otherwise split it later.
        if (segments.Any(s => s.Contains('/', StringComparison.Ordinal)))
        {
            throw StorageException.InvalidPath("internal storage URI", text, "an escaped '/' is not allowed inside a segment");
        }

        var path = string.Join('/', segments);
        try
        {
            return StoragePaths.NormalizeRelative(path);
        }
        catch (StorageException ex)
        {
            throw new StorageException(StorageErrorKind.InvalidPath, $"Invalid internal storage URI '{StorageException.Printable(text)}': {ex.Message}", ex);
        }
    }

    private static string ExecutionPrefix(string ns, string flowId, string executionId)
    {
        StoragePaths.ValidateId(flowId, "flow id");
        StoragePaths.ValidateId(executionId, "execution id");
        return StoragePaths.NamespaceToPath(ns) + "/" + flowId + "/executions/" + executionId + "/";
    }
}

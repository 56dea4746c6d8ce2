namespace Serverless.Engine.Storage;

/// <summary>
/// Execution files (task outputs, uploaded inputs) addressed by Kestra's <c>kestra:///</c> URIs, which
/// travel in outputs and expressions and are handed back by users: a URI is parsed and every segment
/// validated again on the way in, so a crafted URI cannot reach outside the storage layout.
/// </summary>
/// <remarks>
/// URI path = <c>{namespace with dots as slashes}/{flowId}/executions/{executionId}/tasks/{taskId}/{taskRunId}/{fileName}</c>
/// (the <c>tasks/…</c> part only when the scope names a task). Because namespaces become folders, listing a
/// namespace includes its child namespaces, and a child namespace named like a flow shares its folder: the
/// same ambiguity as Kestra's own layout. Puts overwrite: activities run at least once and a retried put
/// must succeed.
/// </remarks>
public interface IInternalStorage
{
    /// <summary>Stores <paramref name="content"/> under the scope; <paramref name="fileName"/> may be a relative path (<c>inputs/file/data.csv</c>).</summary>
    Task<Uri> PutAsync(StorageScope scope, string fileName, Stream content, CancellationToken ct = default);

    /// <summary>Opens the file; throws <see cref="StorageException"/> with <see cref="StorageErrorKind.NotFound"/> when it is missing.</summary>
    Task<Stream> OpenReadAsync(Uri kestraUri, CancellationToken ct = default);

    /// <summary>Size in bytes; throws <see cref="StorageException"/> with <see cref="StorageErrorKind.NotFound"/> when missing.</summary>
    Task<long> SizeAsync(Uri kestraUri, CancellationToken ct = default);

    /// <summary>Deletes the file; <see langword="false"/> when there was none.</summary>
    Task<bool> DeleteAsync(Uri kestraUri, CancellationToken ct = default);

    /// <summary>
    /// URIs of the files of a namespace (and its children), a flow, or one execution, ordered by path.
    /// <paramref name="executionId"/> needs <paramref name="flowId"/>.
    /// </summary>
    Task<IReadOnlyList<Uri>> ListAsync(string ns, string? flowId, string? executionId, CancellationToken ct = default);
}

/// <summary>Where an execution file belongs: the execution, and optionally the task and task run that made it.</summary>
public sealed record StorageScope(string Namespace, string FlowId, string ExecutionId, string? TaskId = null, string? TaskRunId = null);

using System.Text.Json;
using Serverless.Engine.Contracts;
using Serverless.Engine.Storage;

namespace Serverless.Engine.Executions;

/// <summary>
/// Where the task runs of a large execution live: in internal storage, as numbered JSON chunks next to the
/// execution's files. The orchestration's output then carries the count (<see cref="Execution.TaskRunChunks"/>)
/// instead of the list, and clients read the chunks back.
/// </summary>
public static class TaskRunArchive
{
    /// <summary>Executions with more task runs than this keep them in chunks of this size.</summary>
    public const int ChunkSize = 1_000;

    public static Task SaveAsync(IInternalStorage storage, TaskRunChunk chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(chunk);
        var json = JsonSerializer.SerializeToUtf8Bytes(chunk.TaskRuns, WireJson.Options);
        return storage.PutAsync(Scope(chunk.Namespace, chunk.FlowId, chunk.ExecutionId), FileName(chunk.Index), new MemoryStream(json), cancellationToken);
    }

    /// <summary>The execution with its task runs read back from storage, when they were archived.</summary>
    public static async Task<Execution> LoadAsync(IInternalStorage? storage, Execution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        if (execution.TaskRunChunks is not > 0 || storage is null)
        {
            return execution;
        }

        var runs = new List<TaskRun>();
        for (var i = 0; i < execution.TaskRunChunks; i++)
        {
            var uri = KestraUris.ToUri(KestraUris.PathFor(Scope(execution.Namespace, execution.FlowId, execution.Id), FileName(i)));
            await using var stream = await storage.OpenReadAsync(uri, cancellationToken);
            runs.AddRange(await JsonSerializer.DeserializeAsync<List<TaskRun>>(stream, WireJson.Options, cancellationToken) ?? []);
        }

        return execution with { TaskRunList = runs, TaskRunChunks = null };
    }

    private static StorageScope Scope(string ns, string flowId, string executionId) => new(ns, flowId, executionId);

    private static string FileName(int index) => $"taskruns-{index:D5}.json";
}

using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Engine.Contracts;
using Serverless.Engine.Storage;
using Serverless.Engine.Tasks.Storage;

namespace Serverless.Engine.Activities;

/// <summary>
/// Splits a ForEachItem's file into batch files in internal storage (<c>batch-1.txt</c>, … under the
/// ForEachItem's task run). Runs at least once: names are fixed and puts overwrite, so a second run writes
/// the same files again. Failures come back as data.
/// </summary>
public sealed class SplitItemsActivity(IServiceProvider services) : TaskActivity<SplitItemsRequest, SplitItemsResult>
{
    public override async Task<SplitItemsResult> RunAsync(TaskActivityContext context, SplitItemsRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (services.GetService<IInternalStorage>() is not { } storage)
        {
            return Failed("StorageUnavailable", "ForEachItem needs a storage backend, and none is configured in this worker");
        }

        try
        {
            var items = InternalFiles.CheckNamespace(input.Items, input.Namespace);
            var bytes = input.Bytes is { } size ? ItemBatches.ParseSize(size) : (long?)null;
            if (input.Rows is <= 0 || input.Partitions is <= 0)
            {
                return Failed("InvalidBatch", "batch.rows and batch.partitions must be at least 1");
            }

            await using var source = await storage.OpenReadAsync(items);
            var batches = await ItemBatches.SplitAsync(source, input.Rows, bytes, input.Partitions, input.Separator, CancellationToken.None);
            var scope = new StorageScope(input.Namespace, input.FlowId, input.ExecutionId, input.TaskId, input.TaskRunId);
            var extension = Extension(input.Items);
            var uris = new List<string>(batches.Count);
            try
            {
                for (var i = 0; i < batches.Count; i++)
                {
                    uris.Add((await storage.PutAsync(scope, $"batch-{i + 1}{extension}", batches[i])).ToString());
                }
            }
            finally
            {
                foreach (var batch in batches)
                {
                    await batch.DisposeAsync();
                }
            }

            return new SplitItemsResult { Uris = uris };
        }
        catch (Exception e) when (e is StorageException or UnauthorizedAccessException or FormatException or IOException)
        {
            return Failed(e.GetType().Name, $"cannot split '{input.Items}': {e.Message}");
        }
    }

    /// <summary>The items file's extension (as Kestra keeps it), or <c>.tmp</c>.</summary>
    private static string Extension(string uri)
    {
        var name = uri[(uri.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        var extension = dot >= 0 ? name[dot..] : "";
        return extension.Length is > 1 and <= 16 && extension[1..].All(char.IsAsciiLetterOrDigit) ? extension : ".tmp";
    }

    private static SplitItemsResult Failed(string type, string message) => new() { Failure = new TaskFailure(type, message, Retryable: false) };
}

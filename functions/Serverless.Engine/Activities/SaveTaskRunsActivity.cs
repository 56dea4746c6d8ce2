using Microsoft.DurableTask;
using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Storage;

namespace Serverless.Engine.Activities;

/// <summary>Saves one chunk of a large execution's task runs to internal storage (idempotent: it overwrites).</summary>
public sealed class SaveTaskRunsActivity(IInternalStorage storage) : TaskActivity<TaskRunChunk, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, TaskRunChunk input)
    {
        await TaskRunArchive.SaveAsync(storage, input, CancellationToken.None);
        return true;
    }
}

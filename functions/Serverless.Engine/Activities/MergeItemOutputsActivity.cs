using System.Text;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Engine.Contracts;
using Serverless.Engine.Storage;

namespace Serverless.Engine.Activities;

/// <summary>
/// Writes a ForEachItem's subflow outputs, one JSON object per line, to <c>outputs.jsonl</c> under its task run,
/// and returns the file's kestra:// URI. Runs at least once: the put overwrites.
/// </summary>
public sealed class MergeItemOutputsActivity(IServiceProvider services) : TaskActivity<MergeItemOutputsRequest, string?>
{
    public override async Task<string?> RunAsync(TaskActivityContext context, MergeItemOutputsRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (services.GetService<IInternalStorage>() is not { } storage)
        {
            return null;
        }

        var text = string.Concat(input.Lines.Select(line => line + "\n"));
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var scope = new StorageScope(input.Namespace, input.FlowId, input.ExecutionId, input.TaskId, input.TaskRunId);
        return (await storage.PutAsync(scope, "outputs.jsonl", content)).ToString();
    }
}

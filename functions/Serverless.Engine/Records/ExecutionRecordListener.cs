using Serverless.Engine.Activities;
using Serverless.Engine.Executions;

namespace Serverless.Engine.Records;

/// <summary>
/// Records every execution's end (called by the <c>ExecutionEnded</c> activity). Flushes stored logs first,
/// so whoever reads the final state finds the logs complete. Idempotent: saving the same final execution
/// twice leaves one record.
/// </summary>
public sealed class ExecutionRecordListener(IExecutionStore store, IExecutionLogStore? logs = null) : IExecutionListener
{
    public async Task OnEndedAsync(Execution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        if (logs is not null)
        {
            await logs.FlushAsync(cancellationToken);
        }

        await store.SaveAsync(execution, cancellationToken);
    }
}

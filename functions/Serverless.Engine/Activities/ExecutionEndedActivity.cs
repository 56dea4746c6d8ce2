using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Serverless.Engine.Executions;
using Serverless.Engine.Storage;

namespace Serverless.Engine.Activities;

/// <summary>
/// The last step of every execution: hands the final execution to each <see cref="IExecutionListener"/>.
/// A listener's failure is logged and does not change the execution's state, except a storage outage
/// (<see cref="StorageFaults.IsUnavailable"/>): then, after every listener had its turn, the activity fails
/// so the orchestration's durable retry (<c>StorageRetry</c>) calls all of them again once storage is back.
/// Listeners are idempotent, so the ones that had succeeded do no harm the second time.
/// </summary>
public sealed partial class ExecutionEndedActivity(IEnumerable<IExecutionListener> listeners, StorageFaults faults, ILogger<ExecutionEndedActivity> logger)
    : TaskActivity<Execution, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, Execution input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ok = true;
        Exception? outage = null;
        foreach (var listener in listeners)
        {
            try
            {
                await listener.OnEndedAsync(input, CancellationToken.None);
            }
            catch (Exception e) when (faults.IsUnavailable(e))
            {
                outage ??= e;
                ListenerStorageUnavailable(logger, listener.GetType().Name, input.Id, faults.Describe(e) ?? e.Message);
            }
            catch (Exception e)
            {
                ok = false;
                ListenerFailed(logger, listener.GetType().Name, input.Id, e);
            }
        }

        return outage is null
            ? ok
            : throw new StorageException(StorageErrorKind.Failed, $"Storage is unavailable ({faults.Describe(outage)}): the end of execution '{input.Id}' is recorded on a retry.", outage);
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Execution listener {Listener} failed for execution {ExecutionId}")]
    private static partial void ListenerFailed(ILogger logger, string listener, string executionId, Exception exception);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Execution listener {Listener} could not record execution {ExecutionId}: storage is unavailable ({Reason}); retrying")]
    private static partial void ListenerStorageUnavailable(ILogger logger, string listener, string executionId, string reason);
}

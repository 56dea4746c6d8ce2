using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Serverless.Engine.Executions;

namespace Serverless.Engine.Activities;

/// <summary>
/// The last step of every execution: hands the final execution to each <see cref="IExecutionListener"/>.
/// A listener's failure is logged and does not change the execution's state.
/// </summary>
public sealed partial class ExecutionEndedActivity(IEnumerable<IExecutionListener> listeners, ILogger<ExecutionEndedActivity> logger)
    : TaskActivity<Execution, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, Execution input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ok = true;
        foreach (var listener in listeners)
        {
            try
            {
                await listener.OnEndedAsync(input, CancellationToken.None);
            }
            catch (Exception e)
            {
                ok = false;
                ListenerFailed(logger, listener.GetType().Name, input.Id, e);
            }
        }

        return ok;
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Execution listener {Listener} failed for execution {ExecutionId}")]
    private static partial void ListenerFailed(ILogger logger, string listener, string executionId, Exception exception);
}

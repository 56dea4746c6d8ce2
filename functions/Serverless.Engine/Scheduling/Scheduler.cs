using Microsoft.Extensions.Logging;
using Serverless.Engine.Flows;
using Serverless.Engine.Inputs;
using Serverless.Engine.Triggers;

namespace Serverless.Engine.Scheduling;

/// <summary>What one tick did.</summary>
public sealed record SchedulerTickResult(int Started, int AlreadyStarted, int Failed, int StatesSaved);

/// <summary>
/// One scheduler tick: read trigger states, evaluate, start what is due, save states. Safe to run on
/// several hosts at once and to repeat: starts are idempotent by id, saves are compare-and-swap.
/// </summary>
/// <remarks>
/// For each trigger the executions start before its state is saved. A start that fails for a transient
/// reason leaves the state unsaved, so the next tick tries the same occurrences again; a start rejected for
/// bad inputs is logged and skipped (retrying would fail the same way).
/// </remarks>
public sealed partial class Scheduler
{
    private readonly ITriggerStateStore _states;
    private readonly ITriggerStarter _starter;
    private readonly ScheduleEvaluator _evaluator;
    private readonly SchedulerOptions _options;
    private readonly ILogger<Scheduler> _logger;

    public Scheduler(ITriggerStateStore states, ITriggerStarter starter, ScheduleEvaluator evaluator, SchedulerOptions options, ILogger<Scheduler> logger)
    {
        _states = states;
        _starter = starter;
        _evaluator = evaluator;
        _options = options;
        _logger = logger;
    }

    public async Task<SchedulerTickResult> TickAsync(IReadOnlyList<Flow> flows, CancellationToken cancellationToken)
    {
        var states = await _states.ListAsync(cancellationToken);
        var evaluations = _evaluator.Evaluate(flows, states);
        int started = 0, existing = 0, failed = 0, saved = 0;
        await Parallel.ForEachAsync(evaluations, new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken }, async (evaluation, ct) =>
        {
            var ok = true;
            foreach (var due in evaluation.Due)
            {
                switch (await StartAsync(due, ct))
                {
                    case StartResult.Started:
                        Interlocked.Increment(ref started);
                        break;
                    case StartResult.Existing:
                        Interlocked.Increment(ref existing);
                        break;
                    case StartResult.Rejected:
                        Interlocked.Increment(ref failed);
                        break;
                    default:
                        Interlocked.Increment(ref failed);
                        ok = false;
                        break;
                }

                if (!ok)
                {
                    break;
                }
            }

            if (ok)
            {
                if (await _states.TrySaveAsync(evaluation.State, ct) is not null)
                {
                    Interlocked.Increment(ref saved);
                }
                else
                {
                    Log.StateConflict(_logger, evaluation.State.Key.ToString());
                }
            }
        });
        return new SchedulerTickResult(started, existing, failed, saved);
    }

    private async Task<StartResult> StartAsync(DueExecution due, CancellationToken cancellationToken)
    {
        var flow = due.Schedule.Flow;
        try
        {
            return await _starter.StartAsync(flow, due.Inputs, due.Options, cancellationToken) ? StartResult.Started : StartResult.Existing;
        }
        catch (InputValidationException e)
        {
            Log.BadInputs(_logger, due.Schedule.Key.ToString(), due.Date, e.Message);
            return StartResult.Rejected;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.StartFailed(_logger, due.Schedule.Key.ToString(), due.Date, e);
            return StartResult.Retry;
        }
    }

    private enum StartResult
    {
        Started,
        Existing,
        Rejected,
        Retry,
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Schedule {Trigger} could not start the execution of {Date}; it is retried next tick")]
        public static partial void StartFailed(ILogger logger, string trigger, DateTimeOffset date, Exception exception);

        [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Schedule {Trigger} skipped the execution of {Date}: {Reason}")]
        public static partial void BadInputs(ILogger logger, string trigger, DateTimeOffset date, string reason);

        [LoggerMessage(EventId = 5103, Level = LogLevel.Debug, Message = "Schedule {Trigger} state was saved by another instance first")]
        public static partial void StateConflict(ILogger logger, string trigger);
    }
}

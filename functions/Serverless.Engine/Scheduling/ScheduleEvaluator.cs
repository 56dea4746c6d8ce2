using Serverless.Engine.Flows;

namespace Serverless.Engine.Scheduling;

/// <summary>
/// Decides, for a moment in time, which schedule occurrences are due and how each trigger's state moves.
/// Pure: no I/O, the clock is injected, the same inputs give the same answer, so restarts, duplicated
/// ticks and several instances all agree.
/// </summary>
/// <remarks>
/// A trigger's state holds the next occurrence not yet handled. Occurrences between it and now are due;
/// those older than <see cref="SchedulerOptions.LateTolerance"/> were missed and follow
/// <c>recoverMissedSchedules</c>. A trigger seen for the first time starts from now (no history is
/// invented); a changed cron or zone restarts from now too. Triggers with nothing due produce no write.
/// </remarks>
public sealed partial class ScheduleEvaluator
{
    private readonly TimeProvider _clock;
    private readonly SchedulerOptions _options;

    public ScheduleEvaluator(TimeProvider clock, SchedulerOptions? options = null)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _options = options ?? new SchedulerOptions();
        _options.Validate();
    }

    /// <summary>The triggers that have executions to start or a state to save, at the clock's now.</summary>
    public IReadOnlyList<TriggerEvaluation> Evaluate(IReadOnlyList<Flow> flows, IReadOnlyDictionary<TriggerKey, TriggerState> states)
    {
        ArgumentNullException.ThrowIfNull(flows);
        ArgumentNullException.ThrowIfNull(states);
        var now = _clock.GetUtcNow();
        var result = new List<TriggerEvaluation>();
        foreach (var flow in flows)
        {
            foreach (var schedule in ScheduleDefinitions.Of(flow))
            {
                if (Evaluate(schedule, states.GetValueOrDefault(schedule.Key), now) is { } evaluation)
                {
                    result.Add(evaluation);
                }
            }
        }

        return result;
    }

    /// <summary>One trigger's evaluation, or null when nothing changes.</summary>
    public TriggerEvaluation? Evaluate(ScheduleDefinition schedule, TriggerState? state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        state ??= new TriggerState { Key = schedule.Key };
        if (state.Disabled)
        {
            return null;
        }

        var changed = false;
        if (state.Next is null || state.Signature != schedule.Signature || !state.StopAfter.SequenceEqual(schedule.StopAfter))
        {
            var restart = state.Next is null || state.Signature != schedule.Signature;
            state = state with
            {
                Next = restart ? NextOccurrence(schedule, now, inclusive: true) : state.Next,
                Signature = schedule.Signature,
                StopAfter = schedule.StopAfter,
            };
            changed = true;
        }

        var due = new List<DueExecution>();
        if (state.Next <= now)
        {
            if (schedule.Disabled)
            {
                state = state with { Next = NextOccurrence(schedule, now, inclusive: false) };
            }
            else
            {
                var dates = DueDates(schedule, state.Next.Value, now, out var next);
                state = state with { Next = next };
                AddDue(due, schedule, dates, backfill: null);
            }

            changed = true;
        }

        if (!schedule.Disabled && state.Backfill is { Paused: false } backfill && backfill.Next <= now)
        {
            var dates = BackfillDates(schedule, backfill, now, out var cursor);
            AddDue(due, schedule, dates, backfill);
            state = state with { Backfill = cursor is { } c && c <= backfill.End ? backfill with { Next = c } : null };
            changed = true;
        }

        return changed ? new TriggerEvaluation(state, due) : null;
    }
}

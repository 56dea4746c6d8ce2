using Serverless.Engine.Executions;
using Serverless.Engine.Flows;
using Serverless.Engine.Triggers;

namespace Serverless.Engine.Scheduling;

public sealed partial class ScheduleEvaluator
{
    /// <summary>Used when a cron has no further occurrence (e.g. 30 February): never due.</summary>
    private static readonly DateTimeOffset Never = DateTimeOffset.MaxValue;

    /// <summary>The canonical Schedule type name, recorded in <c>trigger.type</c> so listeners know who started an execution.</summary>
    public static readonly string TypeName = new ScheduleTrigger().Name;

    private static DateTimeOffset NextOccurrence(ScheduleDefinition schedule, DateTimeOffset from, bool inclusive) =>
        schedule.Cron.GetNextOccurrence(from, schedule.Zone, inclusive) ?? Never;

    /// <summary>Occurrences from <paramref name="from"/> (inclusive) to now, after the recovery policy; <paramref name="next"/> is where the next tick resumes.</summary>
    private List<DateTimeOffset> DueDates(ScheduleDefinition schedule, DateTimeOffset from, DateTimeOffset now, out DateTimeOffset next)
    {
        var dates = new List<DateTimeOffset>();
        var lateBound = now - _options.LateTolerance;
        var onTimeFromInclusive = true;
        var onTimeFrom = from;
        if (from <= lateBound)
        {
            switch (schedule.Recover)
            {
                case RecoverMissedSchedules.All:
                    dates.AddRange(schedule.Cron.GetOccurrences(from, lateBound, schedule.Zone, fromInclusive: true, toInclusive: true)
                        .Take(_options.MaxRecoveredPerTick + 1));
                    if (dates.Count > _options.MaxRecoveredPerTick)
                    {
                        dates.RemoveAt(dates.Count - 1);
                        next = NextOccurrence(schedule, dates[^1], inclusive: false);
                        return dates;
                    }

                    break;
                case RecoverMissedSchedules.Last:
                    if (schedule.Cron.GetPreviousOccurrence(lateBound, schedule.Zone, inclusive: true) is { } last && last >= from)
                    {
                        dates.Add(last);
                    }

                    break;
                case RecoverMissedSchedules.None:
                    break;
            }

            onTimeFrom = lateBound;
            onTimeFromInclusive = false;
        }

        dates.AddRange(schedule.Cron.GetOccurrences(onTimeFrom, now, schedule.Zone, onTimeFromInclusive, toInclusive: true));
        next = NextOccurrence(schedule, now, inclusive: false);
        return dates;
    }

    private List<DateTimeOffset> BackfillDates(ScheduleDefinition schedule, BackfillState backfill, DateTimeOffset now, out DateTimeOffset? cursor)
    {
        var to = backfill.End < now ? backfill.End : now;
        var dates = schedule.Cron.GetOccurrences(backfill.Next, to, schedule.Zone, fromInclusive: true, toInclusive: true)
            .Take(_options.BackfillPerTick).ToList();
        cursor = dates.Count == _options.BackfillPerTick
            ? NextOccurrence(schedule, dates[^1], inclusive: false)
            : NextOccurrence(schedule, to, inclusive: false);
        return dates;
    }

    /// <summary>Adds the executions of <paramref name="dates"/> (ascending); each date's previous is the one before it, so the cron is searched backwards once.</summary>
    private static void AddDue(List<DueExecution> due, ScheduleDefinition schedule, List<DateTimeOffset> dates, BackfillState? backfill)
    {
        for (var i = 0; i < dates.Count; i++)
        {
            var previous = i > 0 ? dates[i - 1] : schedule.Cron.GetPreviousOccurrence(dates[i], schedule.Zone, inclusive: false);
            var next = i + 1 < dates.Count ? dates[i + 1] : schedule.Cron.GetNextOccurrence(dates[i], schedule.Zone, inclusive: false);
            due.Add(Due(schedule, dates[i], previous, next, backfill));
        }
    }

    private static DueExecution Due(ScheduleDefinition schedule, DateTimeOffset date, DateTimeOffset? previous, DateTimeOffset? next, BackfillState? backfill)
    {
        var key = schedule.Key;
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["date"] = Text(schedule, date),
            ["next"] = next is { } n ? Text(schedule, n) : null,
            ["previous"] = previous is { } p ? Text(schedule, p) : null,
            ["id"] = key.TriggerId,
            ["type"] = TypeName,
        };
        var inputs = schedule.Inputs;
        IReadOnlyList<Label> labels = schedule.Labels;
        if (backfill is not null)
        {
            var merged = new Dictionary<string, object?>(inputs, StringComparer.Ordinal);
            foreach (var (name, value) in backfill.Inputs ?? new Dictionary<string, object?>())
            {
                merged[name] = value;
            }

            inputs = merged;
            labels = [.. labels, .. backfill.Labels, new Label("backfill", "true")];
        }

        var options = new StartOptions
        {
            ExecutionId = TriggerExecutionIds.ForSchedule(key.Namespace, key.FlowId, key.TriggerId, date),
            Labels = labels,
            Trigger = variables,
        };
        return new DueExecution(schedule, date, inputs, options, backfill is not null);
    }

    private static string Text(ScheduleDefinition schedule, DateTimeOffset date) =>
        TriggerDates.Format(TimeZoneInfo.ConvertTime(date, schedule.Zone));
}

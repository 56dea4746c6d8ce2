using Cronos;
using Serverless.Engine.Triggers;

namespace Serverless.Engine.Tests.Scheduling;

/// <summary>
/// A simulated week of minute ticks with daily host restarts, skipped hours (an outage) and a duplicated
/// tick: every occurrence is started exactly once, and missed ones follow the recovery policy.
/// </summary>
public sealed class ScheduleWeekSimulationTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = Start.AddDays(7);
    private static readonly DateTimeOffset OutageStart = Start.AddDays(3).AddHours(10);
    private static readonly DateTimeOffset OutageEnd = OutageStart.AddHours(2.5);
    private static readonly DateTimeOffset DuplicatedTick = Start.AddDays(5).AddHours(7).AddMinutes(30);

    [Theory]
    [InlineData("ALL")]
    [InlineData("LAST")]
    [InlineData("NONE")]
    public async Task Week_RestartsOutageAndDuplicateTick_NoDuplicateAndNoMissedExecution(string policy)
    {
        var flows = new[]
        {
            ScheduleFlows.Parse("every5", "*/5 * * * *", $"recoverMissedSchedules: {policy}"),
            ScheduleFlows.Parse("hourly", "0 * * * *", $"recoverMissedSchedules: {policy}"),
            ScheduleFlows.Parse("quarter", "7,22,37,52 * * * *", $"recoverMissedSchedules: {policy}"),
        };
        var harness = new SchedulerHarness(Start);

        for (var now = Start; now <= End; now = now.AddMinutes(1))
        {
            if (now > OutageStart && now < OutageEnd)
            {
                continue;
            }

            if (now.TimeOfDay == TimeSpan.FromHours(3))
            {
                harness.Restart();
            }

            await harness.TickAtAsync(now, flows);
            if (now == DuplicatedTick)
            {
                await harness.TickAsync(flows);
            }
        }

        foreach (var flow in flows)
        {
            var cron = CronExpression.Parse(flow.Triggers[0].Properties["cron"]!.ToString()!);
            var expected = Expected(cron, policy).Select(TriggerDates.Format).ToList();
            var started = harness.Dates(flow.Id);
            Assert.Equal(started.Count, started.Distinct().Count());
            Assert.Equal(expected, started.Order(StringComparer.Ordinal).ToList());
        }

        Assert.Equal(harness.Starter.Starts.Count, harness.Starter.Starts.Select(s => s.Id).Distinct().Count());
    }

    /// <summary>Every occurrence of the week, minus the outage's missed ones the policy drops.</summary>
    private static IEnumerable<DateTimeOffset> Expected(CronExpression cron, string policy)
    {
        var all = cron.GetOccurrences(Start, End, TimeZoneInfo.Utc, fromInclusive: true, toInclusive: true).ToList();

        // The first tick after the outage runs at OutageEnd; older than one minute means missed.
        var missed = all.Where(d => d > OutageStart && d <= OutageEnd.AddMinutes(-1)).ToList();
        var dropped = policy switch
        {
            "ALL" => [],
            "LAST" => missed.Take(missed.Count - 1).ToList(),
            _ => missed,
        };
        Assert.NotEmpty(missed);
        return all.Except(dropped).Order();
    }
}

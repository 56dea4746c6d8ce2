using Serverless.Engine.Flows;

namespace Serverless.Engine.Tests.Scheduling;

public sealed class SchedulePerformanceTests
{
    [Fact]
    public async Task Tick_TenThousandFlows_StartsExactlyTheDueExecutions()
    {
        var start = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
        var harness = new SchedulerHarness(start);
        // Hourly schedules spread over the hour, plus a tenth that run every minute.
        var flows = Enumerable.Range(0, 10_000).Select(i => Flow(i, i % 10 == 0 ? "* * * * *" : $"{i % 60} * * * *")).ToArray();
        await harness.TickAsync(flows);

        // How long a tick takes is measured by `flows bench`, not asserted here.
        for (var minute = 1; minute <= 5; minute++)
        {
            harness.Clock.Advance(TimeSpan.FromMinutes(1));
            await harness.TickAsync(flows);
        }

        var hourlyDue = Enumerable.Range(0, 10_000).Count(i => i % 10 != 0 && i % 60 is >= 1 and <= 5);
        Assert.Equal(hourlyDue + (1000 * 5), harness.Starter.Starts.Count - FirstTickStarts(flows));
    }

    /// <summary>The first tick starts what is due at 08:00 exactly: the every-minute flows and the minute-0 hourlies.</summary>
    private static int FirstTickStarts(Flow[] flows) => flows.Count(f => f.Triggers[0].Properties["cron"] is "* * * * *" or "0 * * * *");

    private static Flow Flow(int i, string cron) => new()
    {
        Id = "flow" + i,
        Namespace = "perf.ns" + (i % 50),
        Triggers = [new TriggerDefinition("schedule", "io.kestra.plugin.core.trigger.Schedule", new Dictionary<string, object?> { ["cron"] = cron }, false, default)],
    };
}

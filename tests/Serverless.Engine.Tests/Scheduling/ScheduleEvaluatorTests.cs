using Serverless.Engine.Executions;
using Serverless.Engine.Scheduling;
using Serverless.Engine.Triggers;

namespace Serverless.Engine.Tests.Scheduling;

public sealed class ScheduleEvaluatorTests
{
    private static readonly DateTimeOffset Monday = new(2026, 1, 5, 8, 0, 30, TimeSpan.Zero);

    [Fact]
    public async Task Tick_FirstSight_StartsFromNowWithoutInventingHistory()
    {
        var harness = new SchedulerHarness(Monday);
        var flow = ScheduleFlows.Parse("f", "* * * * *");

        await harness.TickAsync(flow);
        await harness.TickAtAsync(Monday.AddSeconds(30), flow);

        Assert.Equal(["2026-01-05T08:01:00Z"], harness.Dates("f"));
    }

    [Fact]
    public async Task Tick_Variables_CarryDateNextPreviousAndTriggerIdentity()
    {
        var harness = new SchedulerHarness(Monday);
        var flow = ScheduleFlows.Parse("f", "*/15 * * * *", "inputs:\n  greeting: hi");

        await harness.TickAsync(flow);
        await harness.TickAtAsync(new DateTimeOffset(2026, 1, 5, 8, 15, 0, TimeSpan.Zero), flow);

        var start = Assert.Single(harness.Starter.Starts);
        Assert.Equal(("2026-01-05T08:15:00Z", "2026-01-05T08:30:00Z", "2026-01-05T08:00:00Z"), (start.Variable("date"), start.Variable("next"), start.Variable("previous")));
        Assert.Equal(("schedule", "io.kestra.plugin.core.trigger.Schedule"), (start.Variable("id"), start.Variable("type")));
        Assert.Equal("hi", start.Inputs["greeting"]);
        Assert.Equal(TriggerExecutionIds.ForSchedule("company.team", "f", "schedule", new DateTimeOffset(2026, 1, 5, 8, 15, 0, TimeSpan.Zero)), start.Id);
    }

    [Fact]
    public async Task Tick_Timezone_RunsAtLocalTimeWithOffsetInDate()
    {
        var harness = new SchedulerHarness(Monday);
        var flow = ScheduleFlows.Parse("paris", "0 10 * * *", "timezone: Europe/Paris");

        await harness.TickAsync(flow);
        await harness.TickAtAsync(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero), flow);

        Assert.Equal(["2026-01-05T10:00:00+01:00"], harness.Dates("paris"));
    }

    [Fact]
    public async Task Tick_WithSeconds_StartsEverySecondOccurrenceOfTheMinute()
    {
        var harness = new SchedulerHarness(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));
        var flow = ScheduleFlows.Parse("fast", "*/20 * * * * *", "withSeconds: true");

        await harness.TickAsync(flow);
        await harness.TickAtAsync(new DateTimeOffset(2026, 1, 5, 8, 1, 0, TimeSpan.Zero), flow);

        Assert.Equal(["2026-01-05T08:00:00Z", "2026-01-05T08:00:20Z", "2026-01-05T08:00:40Z", "2026-01-05T08:01:00Z"], harness.Dates("fast"));
    }

    [Theory]
    [InlineData("disabled: true", "")]
    [InlineData("", "disabled: true")]
    public async Task Tick_DisabledTriggerOrFlow_StartsNothingAndDoesNotRecoverLater(string triggerExtra, string flowExtra)
    {
        var harness = new SchedulerHarness(Monday);
        var disabled = ScheduleFlows.Parse("f", "*/5 * * * *", triggerExtra, flowExtra);
        var enabled = ScheduleFlows.Parse("f", "*/5 * * * *");

        for (var minute = 0; minute <= 30; minute++)
        {
            await harness.TickAtAsync(Monday.AddMinutes(minute), disabled);
        }

        await harness.TickAtAsync(Monday.AddMinutes(35), enabled);

        Assert.Equal(["2026-01-05T08:35:00Z"], harness.Dates("f"));
    }

    [Fact]
    public async Task Tick_CronChanged_RestartsFromNow()
    {
        var harness = new SchedulerHarness(Monday);
        await harness.TickAsync(ScheduleFlows.Parse("f", "0 0 * * *"));

        await harness.TickAtAsync(Monday.AddMinutes(30), ScheduleFlows.Parse("f", "*/10 * * * *"));
        await harness.TickAtAsync(Monday.AddMinutes(40), ScheduleFlows.Parse("f", "*/10 * * * *"));

        Assert.Equal(["2026-01-05T08:40:00Z"], harness.Dates("f"));
    }

    [Fact]
    public async Task Tick_StartFailsTransiently_RetriesTheSameOccurrenceNextTick()
    {
        var harness = new SchedulerHarness(Monday);
        var flow = ScheduleFlows.Parse("f", "* * * * *");
        await harness.TickAsync(flow);
        harness.Starter.FailWith = new TimeoutException("backend down");

        var failed = await harness.TickAtAsync(Monday.AddSeconds(30), flow);
        harness.Starter.FailWith = null;
        await harness.TickAtAsync(Monday.AddSeconds(40), flow);

        Assert.Equal(1, failed.Failed);
        Assert.Equal(["2026-01-05T08:01:00Z"], harness.Dates("f"));
    }

    [Fact]
    public async Task Tick_TwoInstancesAtOnce_StartEachOccurrenceOnce()
    {
        var harness = new SchedulerHarness(Monday);
        var flow = ScheduleFlows.Parse("f", "* * * * *");
        var other = new Scheduler(harness.States, harness.Starter, new ScheduleEvaluator(harness.Clock), harness.Options, Microsoft.Extensions.Logging.Abstractions.NullLogger<Scheduler>.Instance);
        await harness.TickAsync(flow);

        harness.Clock.Advance(TimeSpan.FromMinutes(3));
        var results = await Task.WhenAll(harness.TickAsync(flow), other.TickAsync([flow], CancellationToken.None));

        Assert.Equal(3, results.Sum(r => r.Started));
        Assert.Equal(3, harness.Dates("f").Distinct().Count());
    }

    [Fact]
    public async Task Tick_InvalidInputs_SkipsTheOccurrenceAndMovesOn()
    {
        var harness = new SchedulerHarness(Monday);
        var flow = ScheduleFlows.Parse("f", "* * * * *", flowExtra: "inputs:\n  - id: n\n    type: INT");
        var realStarter = new BadInputStarter();
        var scheduler = new Scheduler(harness.States, realStarter, new ScheduleEvaluator(harness.Clock), harness.Options, Microsoft.Extensions.Logging.Abstractions.NullLogger<Scheduler>.Instance);
        await scheduler.TickAsync([flow], CancellationToken.None);

        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var result = await scheduler.TickAsync([flow], CancellationToken.None);

        Assert.Equal((0, 1, 1), (result.Started, result.Failed, result.StatesSaved));
    }

    private sealed class BadInputStarter : ITriggerStarter
    {
        public Task<bool> StartAsync(Serverless.Engine.Flows.Flow flow, IReadOnlyDictionary<string, object?> inputs, StartOptions options, CancellationToken cancellationToken) =>
            throw new Serverless.Engine.Inputs.InputValidationException([new("n", "missing required input of type INT")]);
    }
}

using Serverless.Engine.Executions;
using Serverless.Engine.Flows;
using Serverless.Engine.Scheduling;
using Serverless.Engine.Tests.Triggers;
using Serverless.Engine.Triggers;

namespace Serverless.Engine.Tests.Scheduling;

public sealed class BackfillAndStopAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 10, 12, 0, 30, TimeSpan.Zero);
    private static readonly DateTimeOffset WindowStart = new(2026, 1, 10, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Backfill_Window_StartsOnlyTheOccurrencesNotAlreadyStarted()
    {
        var harness = new SchedulerHarness(Now);
        var flow = ScheduleFlows.Parse("f", "0 * * * *");
        foreach (var hour in new[] { 2, 3, 4 })
        {
            harness.Starter.Seed(TriggerExecutionIds.ForSchedule("company.team", "f", "schedule", WindowStart.AddHours(hour)), flow);
        }

        await new BackfillService(harness.States, harness.Clock).StartAsync(flow, "schedule", new BackfillRequest
        {
            Start = WindowStart,
            End = WindowStart.AddHours(9),
            Inputs = new Dictionary<string, object?> { ["x"] = 1L },
            Labels = [new Label("reason", "fix")],
        });
        await harness.TickAsync(flow);

        var started = harness.Starter.Starts.Where(s => s.Order >= 0).ToList();
        Assert.Equal(7, started.Count);
        Assert.DoesNotContain(started, s => s.Variable("date") is "2026-01-10T02:00:00Z" or "2026-01-10T03:00:00Z" or "2026-01-10T04:00:00Z");
        Assert.All(started, s => Assert.Contains(new Label("backfill", "true"), s.Options.Labels!));
        Assert.All(started, s => Assert.Equal(1L, s.Inputs["x"]));
        Assert.Null((await harness.States.GetAsync(new TriggerKey("company.team", "f", "schedule"), default))!.Backfill);
    }

    [Fact]
    public async Task Backfill_Paused_StopsUntilUnpaused()
    {
        var harness = new SchedulerHarness(Now);
        harness.Options.BackfillPerTick = 2;
        harness.Restart();
        var flow = ScheduleFlows.Parse("f", "0 * * * *");
        var backfills = new BackfillService(harness.States, harness.Clock);
        var key = new TriggerKey("company.team", "f", "schedule");
        await backfills.StartAsync(flow, "schedule", new BackfillRequest { Start = WindowStart, End = WindowStart.AddHours(5) });

        await harness.TickAsync(flow);
        await backfills.PauseAsync(key);
        await harness.TickAtAsync(Now.AddMinutes(1), flow);
        var whilePaused = harness.Starter.Starts.Count;
        await backfills.UnpauseAsync(key);
        for (var minute = 2; minute < 6; minute++)
        {
            await harness.TickAtAsync(Now.AddMinutes(minute), flow);
        }

        Assert.Equal(2, whilePaused);
        Assert.Equal(["2026-01-10T00:00:00Z", "2026-01-10T01:00:00Z", "2026-01-10T02:00:00Z", "2026-01-10T03:00:00Z", "2026-01-10T04:00:00Z", "2026-01-10T05:00:00Z"], harness.Dates("f"));
    }

    [Fact]
    public async Task Backfill_UnknownTriggerOrReversedWindow_IsRefused()
    {
        var harness = new SchedulerHarness(Now);
        var backfills = new BackfillService(harness.States, harness.Clock);
        var flow = ScheduleFlows.Parse("f", "0 * * * *");

        var missing = await Assert.ThrowsAsync<TriggerOperationException>(() => backfills.StartAsync(flow, "nope", new BackfillRequest { Start = WindowStart }));
        var reversed = await Assert.ThrowsAsync<TriggerOperationException>(() => backfills.StartAsync(flow, "schedule", new BackfillRequest { Start = Now, End = WindowStart }));

        Assert.True(missing.NotFound);
        Assert.False(reversed.NotFound);
    }

    [Fact]
    public async Task StopAfter_ExecutionEndsInListedState_DisablesTheTriggerUntilReenabled()
    {
        var harness = new SchedulerHarness(Now);
        var flow = ScheduleFlows.Parse("f", "* * * * *", "stopAfter:\n  - FAILED");
        var listener = new StopAfterListener(harness.States);
        await harness.TickAsync(flow);
        await harness.TickAtAsync(Now.AddSeconds(30), flow);
        var first = Assert.Single(harness.Starter.Starts);

        await listener.OnEndedAsync(Ended(first, State.SUCCESS), default);
        await harness.TickAtAsync(Now.AddSeconds(90), flow);
        await listener.OnEndedAsync(Ended(harness.Starter.Starts.Last(), State.FAILED), default);
        await harness.TickAtAsync(Now.AddMinutes(5), flow);
        var whileStopped = harness.Starter.Starts.Count;
        await new BackfillService(harness.States, harness.Clock).SetDisabledAsync(new TriggerKey("company.team", "f", "schedule"), disabled: false);
        await harness.TickAtAsync(Now.AddMinutes(10), flow);
        await harness.TickAtAsync(Now.AddMinutes(11), flow);

        Assert.Equal(2, whileStopped);
        Assert.Equal(["2026-01-10T12:01:00Z", "2026-01-10T12:02:00Z", "2026-01-10T12:11:00Z"], harness.Dates("f"));
    }

    private static Execution Ended(RecordingStarter.Started started, State state) => new()
    {
        Id = started.Id,
        Namespace = started.Flow.Namespace,
        FlowId = started.Flow.Id,
        State = StateInfo.Of(state, Now),
        Trigger = started.Options.Trigger,
    };
}

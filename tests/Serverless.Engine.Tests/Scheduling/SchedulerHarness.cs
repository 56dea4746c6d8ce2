using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Engine.Flows;
using Serverless.Engine.Scheduling;
using Serverless.Engine.Tests.Storage;
using Serverless.Engine.Tests.Triggers;

namespace Serverless.Engine.Tests.Scheduling;

/// <summary>A scheduler over a manual clock, an in-memory state store and a recording starter; restartable.</summary>
internal sealed class SchedulerHarness
{
    public SchedulerHarness(DateTimeOffset start, ITriggerStateStore? states = null)
    {
        Clock = new ManualTimeProvider(start);
        States = states ?? new InMemoryTriggerStateStore();
        Restart();
    }

    public ManualTimeProvider Clock { get; }

    public ITriggerStateStore States { get; }

    public RecordingStarter Starter { get; } = new();

    public SchedulerOptions Options { get; } = new();

    public Scheduler Scheduler { get; private set; } = null!;

    /// <summary>A new evaluator and scheduler sharing the state store, as after a host restart.</summary>
    public void Restart()
    {
        var evaluator = new ScheduleEvaluator(Clock, Options);
        Scheduler = new Scheduler(States, Starter, evaluator, Options, NullLogger<Scheduler>.Instance);
    }

    public Task<SchedulerTickResult> TickAsync(params Flow[] flows) => Scheduler.TickAsync(flows, CancellationToken.None);

    public Task<SchedulerTickResult> TickAtAsync(DateTimeOffset at, params Flow[] flows)
    {
        Clock.Advance(at - Clock.GetUtcNow());
        return TickAsync(flows);
    }

    public IReadOnlyList<string> Dates(string flowId) =>
        [.. Starter.Starts.Where(s => s.Flow.Id == flowId).Select(s => s.Variable("date")!)];
}

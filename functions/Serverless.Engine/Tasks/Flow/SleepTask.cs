using Serverless.Engine.Executions;
using Serverless.Engine.Orchestration;
using Serverless.Engine.Parsing;

namespace Serverless.Engine.Tasks.Flow;

/// <summary>
/// <c>io.kestra.plugin.core.flow.Sleep</c>: waits for <c>duration</c> on a durable timer, so a sleeping
/// execution holds no worker and survives a host restart.
/// <code>
/// - id: wait
///   type: io.kestra.plugin.core.flow.Sleep
///   duration: PT5M
/// </code>
/// </summary>
public sealed class SleepTask : FlowableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.flow.Sleep", "io.kestra.core.tasks.flows.Sleep"];

    public override IReadOnlyList<PropertySpec> Properties { get; } = [PropertySpec.Duration("duration", required: true)];

    public override async Task<State> ExecuteAsync(FlowableRun run)
    {
        var duration = Durations.Parse(run.RenderString("duration") ?? "");
        if (duration < TimeSpan.Zero)
        {
            return run.Fail($"'duration' must not be negative, got {Durations.Format(duration)}");
        }

        await run.Context.CreateTimer(duration, run.Interrupted);
        return State.SUCCESS;
    }
}

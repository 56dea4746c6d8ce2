using Serverless.Engine.Executions;
using Serverless.Engine.Orchestration;
using Serverless.Engine.Parsing;

namespace Serverless.Engine.Tasks.Flow;

/// <summary>
/// <c>io.kestra.plugin.core.flow.LoopUntil</c> (formerly <c>WaitFor</c>): runs its tasks, then checks
/// <c>condition</c>; until it is truthy, waits <c>checkFrequency.interval</c> on a durable timer and runs them
/// again, at most <c>checkFrequency.maxIterations</c> times or for <c>checkFrequency.maxDuration</c>. Reaching
/// a limit ends SUCCESS, or FAILED with <c>failOnMaxReached</c>. Outputs <c>iterationCount</c>, already set while
/// an iteration runs (its children see <c>outputs.{id}.iterationCount</c>, from 1).
/// <code>
/// - id: poll
///   type: io.kestra.plugin.core.flow.LoopUntil
///   condition: "{{ outputs.check.value == 'ready' }}"
///   checkFrequency: { interval: PT10S, maxIterations: 30 }
///   tasks: [...]
/// </code>
/// </summary>
public sealed class LoopUntilTask : FlowableTaskType
{
    public override IReadOnlyList<string> Names { get; } =
        ["io.kestra.plugin.core.flow.LoopUntil", "io.kestra.plugin.core.flow.WaitFor", "io.kestra.core.tasks.flows.WaitFor"];

    public override IReadOnlyList<PropertySpec> Properties { get; } =
    [
        PropertySpec.String("condition", required: true),
        PropertySpec.Map("checkFrequency"),
        PropertySpec.Boolean("failOnMaxReached"),
        PropertySpec.Tasks("tasks", required: true),
    ];

    public override async Task<State> ExecuteAsync(FlowableRun run)
    {
        var frequency = run.RenderProperty("checkFrequency") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
        var interval = frequency.GetValueOrDefault("interval") is string i ? Durations.Parse(i) : TimeSpan.FromSeconds(1);
        var maxIterations = frequency.GetValueOrDefault("maxIterations") is { } m ? Convert.ToInt64(m, System.Globalization.CultureInfo.InvariantCulture) : 100;
        var maxDuration = frequency.GetValueOrDefault("maxDuration") is string d ? Durations.Parse(d) : TimeSpan.FromHours(1);
        var failOnMax = Truthiness.ToBool(run.RenderProperty("failOnMaxReached"), false);
        var started = run.Now;
        var state = State.SUCCESS;
        for (var iteration = 0; ; iteration++)
        {
            // Set before the iteration: the children read outputs.{id}.iterationCount (1 in the first one), as in Kestra.
            run.SetOutputs(new Dictionary<string, object?> { ["iterationCount"] = (long)(iteration + 1) });
            state = States.Worst(state, await run.RunIterationAsync(run.Task.Branch("tasks"), null, iteration));
            if (state.IsFailure() || run.Exiting || Truthiness.IsTruthy(run.RenderProperty("condition")))
            {
                return state;
            }

            if (iteration + 1 >= maxIterations || run.Now - started + interval > maxDuration)
            {
                return failOnMax ? run.Fail($"the condition was still false after {iteration + 1} iterations") : state;
            }

            await run.Context.CreateTimer(interval, run.Interrupted);
        }
    }
}

using Serverless.Engine.Executions;
using Serverless.Engine.Flows;
using Serverless.Engine.Orchestration;
using Serverless.Engine.Validation;

namespace Serverless.Engine.Tasks.Flow;

/// <summary>
/// <c>io.kestra.plugin.core.execution.Exit</c>: ends the execution now in <c>state</c> (SUCCESS, WARNING,
/// FAILED, KILLED or CANCELLED; default SUCCESS). No task starts after it; tasks already running finish.
/// <code>
/// - id: stop-here
///   type: io.kestra.plugin.core.execution.Exit
///   state: WARNING
/// </code>
/// </summary>
public sealed class ExitTask : FlowableTaskType
{
    private static readonly State[] Allowed = [State.SUCCESS, State.WARNING, State.FAILED, State.KILLED, State.CANCELLED];

    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.execution.Exit"];

    public override IReadOnlyList<PropertySpec> Properties { get; } = [PropertySpec.String("state")];

    public override void Validate(TaskDefinition task, ValidationContext context)
    {
        if (task.Properties.GetValueOrDefault("state") is string state && !state.Contains("{{", StringComparison.Ordinal)
            && !Allowed.Any(a => a.ToString() == state))
        {
            context.Add(task.PositionOf("state"), $"{task.Id}.state", $"'state' must be one of {string.Join(", ", Allowed)}, not '{state}'");
        }
    }

    public override Task<State> ExecuteAsync(FlowableRun run)
    {
        var text = run.RenderString("state") ?? nameof(State.SUCCESS);
        if (!Enum.TryParse<State>(text, out var state) || !Allowed.Contains(state))
        {
            return Task.FromResult(run.Fail($"'state' must be one of {string.Join(", ", Allowed)}, not '{text}'"));
        }

        run.Exit(state);
        return Task.FromResult(State.SUCCESS);
    }
}

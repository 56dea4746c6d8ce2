using Serverless.Engine.Executions;
using Serverless.Engine.Orchestration;

namespace Serverless.Engine.Tasks.Flow;

/// <summary>
/// <c>io.kestra.plugin.core.flow.AllowFailure</c>: runs its tasks in sequence; a failure among them makes this
/// task WARNING instead of failing the execution.
/// </summary>
public sealed class AllowFailureTask : FlowableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.flow.AllowFailure", "io.kestra.core.tasks.flows.AllowFailure"];

    public override IReadOnlyList<PropertySpec> Properties { get; } = [PropertySpec.Tasks("tasks", required: true)];

    public override async Task<State> ExecuteAsync(FlowableRun run)
    {
        var state = await run.RunSequenceAsync(run.Task.Branch("tasks"));
        return state.IsFailure() ? State.WARNING : state;
    }
}

using Serverless.Engine.Executions;
using Serverless.Engine.Orchestration;

namespace Serverless.Engine.Tasks.Flow;

/// <summary>
/// <c>io.kestra.plugin.core.flow.AllowFailure</c>: runs its tasks in sequence; a failure among them stops them,
/// runs this task's own <c>errors</c> branch, and makes this task WARNING instead of failing the execution.
/// </summary>
public sealed class AllowFailureTask : FlowableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.flow.AllowFailure", "io.kestra.core.tasks.flows.AllowFailure"];

    public override IReadOnlyList<PropertySpec> Properties { get; } = [PropertySpec.Tasks("tasks", required: true)];

    /// <inheritdoc/>
    public override bool FailureIsWarning => true;

    /// <summary>Returns the children's state as is: the engine runs <c>errors</c> on a failure, then makes it WARNING.</summary>
    public override Task<State> ExecuteAsync(FlowableRun run) => run.RunSequenceAsync(run.Task.Branch("tasks"));
}

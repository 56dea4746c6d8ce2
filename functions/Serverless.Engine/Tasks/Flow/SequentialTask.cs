using Serverless.Engine.Executions;
using Serverless.Engine.Orchestration;

namespace Serverless.Engine.Tasks.Flow;

/// <summary>
/// <c>io.kestra.plugin.core.flow.Sequential</c>: runs its tasks one after the other; a failure stops them.
/// <code>
/// - id: steps
///   type: io.kestra.plugin.core.flow.Sequential
///   tasks:
///     - id: first
///       type: io.kestra.plugin.core.log.Log
///       message: one
/// </code>
/// </summary>
public sealed class SequentialTask : FlowableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.flow.Sequential", "io.kestra.core.tasks.flows.Sequential"];

    public override IReadOnlyList<PropertySpec> Properties { get; } = [PropertySpec.Tasks("tasks", required: true)];

    public override Task<State> ExecuteAsync(FlowableRun run) => run.RunSequenceAsync(run.Task.Branch("tasks"));
}

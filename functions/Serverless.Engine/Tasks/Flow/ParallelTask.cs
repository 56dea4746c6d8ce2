using Serverless.Engine.Executions;
using Serverless.Engine.Orchestration;

namespace Serverless.Engine.Tasks.Flow;

/// <summary>
/// <c>io.kestra.plugin.core.flow.Parallel</c>: runs each of its tasks concurrently, at most <c>concurrent</c>
/// at once (0, the default, means no limit). After a failure no new task starts.
/// <code>
/// - id: fan
///   type: io.kestra.plugin.core.flow.Parallel
///   concurrent: 2
///   tasks: [...]
/// </code>
/// </summary>
public sealed class ParallelTask : FlowableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.flow.Parallel", "io.kestra.core.tasks.flows.Parallel"];

    public override IReadOnlyList<PropertySpec> Properties { get; } =
        [PropertySpec.Tasks("tasks", required: true), PropertySpec.Integer("concurrent")];

    public override Task<State> ExecuteAsync(FlowableRun run)
    {
        var limit = Convert.ToInt32(run.RenderProperty("concurrent") ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
        var branches = run.Task.Branch("tasks").Where(t => !t.Disabled)
            .Select(task => (Func<Task<State>>)(() => run.RunChildAsync(task)))
            .ToList();
        return run.RunConcurrentlyAsync(branches, limit);
    }
}

using System.Globalization;
using Serverless.Engine.Executions;
using Serverless.Engine.Orchestration;

namespace Serverless.Engine.Tasks.Flow;

/// <summary>
/// Kestra's legacy <c>EachSequential</c>: ForEach with one iteration at a time (<c>value</c> instead of
/// <c>values</c>).
/// </summary>
public sealed class EachSequentialTask : FlowableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.flow.EachSequential", "io.kestra.core.tasks.flows.EachSequential"];

    public override IReadOnlyList<PropertySpec> Properties { get; } = [PropertySpec.Any("value", required: true), PropertySpec.Tasks("tasks", required: true)];

    public override Task<State> ExecuteAsync(FlowableRun run) =>
        ForEachTask.RunIterationsAsync(run, ForEachTask.ReadValues(run.RenderProperty("value")), 1);
}

/// <summary>
/// Kestra's legacy <c>EachParallel</c>: ForEach with <c>concurrent</c> iterations at once (0 = no limit).
/// </summary>
public sealed class EachParallelTask : FlowableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.flow.EachParallel", "io.kestra.core.tasks.flows.EachParallel"];

    public override IReadOnlyList<PropertySpec> Properties { get; } =
        [PropertySpec.Any("value", required: true), PropertySpec.Integer("concurrent"), PropertySpec.Tasks("tasks", required: true)];

    public override Task<State> ExecuteAsync(FlowableRun run)
    {
        var limit = run.RenderProperty("concurrent") is { } l ? Convert.ToInt32(l, CultureInfo.InvariantCulture) : 0;
        return ForEachTask.RunIterationsAsync(run, ForEachTask.ReadValues(run.RenderProperty("value")), limit);
    }
}

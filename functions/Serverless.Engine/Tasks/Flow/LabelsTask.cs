using Serverless.Engine.Executions;
using Serverless.Engine.Expressions;
using Serverless.Engine.Orchestration;

namespace Serverless.Engine.Tasks.Flow;

/// <summary>
/// <c>io.kestra.plugin.core.execution.Labels</c>: adds or replaces labels on the running execution, from a map
/// or a list of <c>{key, value}</c>. <c>system.</c> labels are reserved.
/// <code>
/// - id: tag
///   type: io.kestra.plugin.core.execution.Labels
///   labels:
///     customer: "{{ inputs.customer }}"
/// </code>
/// </summary>
public sealed class LabelsTask : FlowableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.execution.Labels"];

    public override IReadOnlyList<PropertySpec> Properties { get; } = [PropertySpec.Any("labels", required: true)];

    public override Task<State> ExecuteAsync(FlowableRun run)
    {
        var pairs = run.RenderProperty("labels") switch
        {
            IReadOnlyDictionary<string, object?> map => map.Select(p => (p.Key, ExpressionEngine.ToText(p.Value))),
            IReadOnlyList<object?> list => list.OfType<IReadOnlyDictionary<string, object?>>()
                .Select(item => (ExpressionEngine.ToText(item.GetValueOrDefault("key")), ExpressionEngine.ToText(item.GetValueOrDefault("value")))),
            var other => throw new FlowableException($"'labels' must be a map or a list of {{key, value}}, not {ExpressionEngine.ToText(other)}"),
        };
        foreach (var (key, value) in pairs)
        {
            if (key.StartsWith("system.", StringComparison.Ordinal) || key.Length == 0)
            {
                return Task.FromResult(run.Fail($"label '{key}' cannot be set: empty keys and the 'system.' prefix are reserved"));
            }

            run.SetLabel(key, value);
        }

        return Task.FromResult(State.SUCCESS);
    }
}

using Serverless.Engine.Executions;
using Serverless.Engine.Expressions;
using Serverless.Engine.Orchestration;

namespace Serverless.Engine.Tasks.Flow;

/// <summary>
/// <c>io.kestra.plugin.core.execution.Labels</c>: adds or replaces labels on the running execution, from a map
/// or a list of <c>{key, value}</c>, or the JSON text of either (a duplicated key: the last wins). <c>system.</c> labels are reserved.
/// <code>
/// - id: tag
///   type: io.kestra.plugin.core.execution.Labels
///   labels:
///     customer: "{{ inputs.customer }}"
/// </code>
/// </summary>
public sealed class LabelsTask : FlowableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.execution.Labels", "io.kestra.core.tasks.executions.Labels"];

    public override IReadOnlyList<PropertySpec> Properties { get; } = [PropertySpec.Any("labels", required: true)];

    public override Task<State> ExecuteAsync(FlowableRun run)
    {
        var pairs = ParseJsonText(run.RenderProperty("labels")) switch
        {
            IReadOnlyDictionary<string, object?> map => map.Select(p => (p.Key, ExpressionEngine.ToText(p.Value))),
            IReadOnlyList<object?> list => list.OfType<IReadOnlyDictionary<string, object?>>()
                .Select(item => (ExpressionEngine.ToText(item.GetValueOrDefault("key")), ExpressionEngine.ToText(item.GetValueOrDefault("value")))),
            var other => throw new FlowableException($"'labels' must be a map, a list of {{key, value}} or their JSON text, not {ExpressionEngine.ToText(other)}"),
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

    /// <summary>Kestra accepts the labels as JSON text too; with a duplicated key the last one wins.</summary>
    private static object? ParseJsonText(object? value)
    {
        if (value is not string text || text.TrimStart() is not ['{' or '[', ..])
        {
            return value;
        }

        try
        {
            return Contracts.PlainValues.ParseJson(text);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new FlowableException($"'labels' is not valid JSON: {e.Message}");
        }
    }
}

using Serverless.Engine.Executions;
using Serverless.Engine.Expressions;
using Serverless.Engine.Orchestration;

namespace Serverless.Engine.Tasks.Flow;

/// <summary>
/// <c>io.kestra.plugin.core.execution.SetVariables</c>: renders <c>variables</c> (a map) and deep-merges it into the
/// execution's variables, read by later tasks as <c>{{ vars.x }}</c> (nested maps merge, other values are replaced).
/// With <c>overwrite: false</c> (default true) it fails when a key already exists. It changes execution state, so
/// it runs in the orchestration, like Labels.
/// <code>
/// - id: remember
///   type: io.kestra.plugin.core.execution.SetVariables
///   variables:
///     customer: "{{ outputs.lookup.value }}"
/// </code>
/// </summary>
public sealed class SetVariablesTask : FlowableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.execution.SetVariables"];

    public override IReadOnlyList<PropertySpec> Properties { get; } = [PropertySpec.Any("variables", required: true), PropertySpec.Boolean("overwrite")];

    public override Task<State> ExecuteAsync(FlowableRun run)
    {
        if (UnsetVariablesTask.ParseJsonText(run.RenderProperty("variables")) is not IReadOnlyDictionary<string, object?> values)
        {
            throw new FlowableException("'variables' must be a map (or its JSON text)");
        }

        var current = run.Variables;
        if (!Truthiness.ToBool(run.RenderProperty("overwrite"), defaultValue: true)
            && values.Keys.Where(current.ContainsKey).ToList() is { Count: > 0 } duplicated)
        {
            return Task.FromResult(run.Fail($"`overwrite` is set to false and the following variables already exist: {string.Join(",", duplicated)}"));
        }

        run.SetVariables(DeepMerge(current, values));
        return Task.FromResult(State.SUCCESS);
    }

    /// <summary>Kestra's deep merge: maps under the same key merge recursively, any other value replaces the old one.</summary>
    internal static Dictionary<string, object?> DeepMerge(IReadOnlyDictionary<string, object?> current, IReadOnlyDictionary<string, object?> values)
    {
        var merged = new Dictionary<string, object?>(current, StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            merged[key] = merged.GetValueOrDefault(key) is IReadOnlyDictionary<string, object?> old && value is IReadOnlyDictionary<string, object?> added
                ? DeepMerge(old, added)
                : value;
        }

        return merged;
    }
}

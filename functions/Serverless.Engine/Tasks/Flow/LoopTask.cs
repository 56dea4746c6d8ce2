using System.Globalization;
using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Expressions;
using Serverless.Engine.Orchestration;

namespace Serverless.Engine.Tasks.Flow;

/// <summary>
/// <c>io.kestra.plugin.core.flow.Loop</c>: Kestra's newer ForEach. Runs its tasks once per value of <c>values</c>
/// (a list, a JSON array, or a map / JSON object: one iteration per entry), <c>concurrencyLimit</c> iterations at
/// once (default 0 = no limit). Children see <c>item.value</c> (as text), <c>item.index</c>, <c>item.key</c> (map
/// values) and the enclosing Loops' items as <c>item.parent</c> / <c>item.parents</c>. With <c>transmitFailed: false</c>
/// (default true) a failed iteration does not fail the Loop. Outputs: <c>iterationCount</c>.
/// Unlike Kestra, iterations run in the execution itself rather than in sub-executions: their task runs are in the
/// execution's list and their outputs are keyed by value, as ForEach's are.
/// <code>
/// - id: loop
///   type: io.kestra.plugin.core.flow.Loop
///   values: ["a", "b"]
///   tasks:
///     - id: log
///       type: io.kestra.plugin.core.log.Log
///       message: "{{ item.value }}"
/// </code>
/// </summary>
public sealed class LoopTask : FlowableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.flow.Loop"];

    public override IReadOnlyList<PropertySpec> Properties { get; } =
    [
        PropertySpec.Any("values", required: true),
        PropertySpec.Integer("concurrencyLimit"),
        PropertySpec.Boolean("transmitFailed"),
        PropertySpec.Tasks("tasks", required: true),
    ];

    public override async Task<State> ExecuteAsync(FlowableRun run)
    {
        var (values, keys) = ReadValues(run.RenderProperty("values"));
        var limit = run.RenderProperty("concurrencyLimit") is { } l ? Convert.ToInt32(l, CultureInfo.InvariantCulture) : 0;
        var tasks = run.Task.Branch("tasks");
        run.RegisterLoop(keys);
        State state;
        if (Truthiness.ToBool(run.RenderProperty("transmitFailed"), defaultValue: true))
        {
            state = await run.RunIterationsAsync(tasks, values, limit);
        }
        else
        {
            // Failures stay inside their iteration: every iteration runs, and the Loop itself succeeds.
            var branches = values
                .Select((value, i) => (Func<Task<State>>)(async () => await run.RunIterationAsync(tasks, value, i) is var s && s.IsFailure() ? State.SUCCESS : s))
                .ToList();
            state = await run.RunConcurrentlyAsync(branches, limit);
        }

        run.SetOutputs(new Dictionary<string, object?> { ["iterationCount"] = (long)values.Count });
        return state;
    }

    /// <summary>The iteration values, and the keys when <paramref name="values"/> is a map (or a JSON object).</summary>
    internal static (IReadOnlyList<object?> Values, IReadOnlyList<string>? Keys) ReadValues(object? values)
    {
        if (values is string text && text.TrimStart().StartsWith('{'))
        {
            values = ParseObject(text);
        }

        if (values is string uri && uri.StartsWith("kestra://", StringComparison.Ordinal))
        {
            throw new FlowableException("'values' as an internal-storage file is not supported by Loop yet: give a list, a map or a JSON array");
        }

        return values is IReadOnlyDictionary<string, object?> map
            ? ([.. map.Values.Select(v => (object?)ExpressionEngine.ToText(v))], [.. map.Keys])
            : (ForEachTask.ReadValues(values), null);
    }

    private static IReadOnlyDictionary<string, object?> ParseObject(string text)
    {
        try
        {
            return PlainValues.ParseJson(text) as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new FlowableException($"'values' is not a valid JSON object: {e.Message}");
        }
    }
}

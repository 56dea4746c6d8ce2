using System.Globalization;
using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Orchestration;

namespace Serverless.Engine.Tasks.Flow;

/// <summary>
/// <c>io.kestra.plugin.core.flow.ForEach</c>: runs its tasks once per value, <c>concurrencyLimit</c> iterations
/// at once (default 1, 0 = no limit). Children see <c>taskrun.value</c> and <c>taskrun.iteration</c>; their
/// outputs are keyed by value (<c>outputs.child['a']</c>).
/// <code>
/// - id: each
///   type: io.kestra.plugin.core.flow.ForEach
///   values: ["a", "b"]
///   concurrencyLimit: 0
///   tasks: [...]
/// </code>
/// </summary>
public sealed class ForEachTask : FlowableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.flow.ForEach"];

    public override IReadOnlyList<PropertySpec> Properties { get; } =
    [
        PropertySpec.Any("values", required: true),
        PropertySpec.Integer("concurrencyLimit"),
        PropertySpec.Tasks("tasks", required: true),
    ];

    public override Task<State> ExecuteAsync(FlowableRun run)
    {
        var limit = run.RenderProperty("concurrencyLimit") is { } l ? Convert.ToInt32(l, CultureInfo.InvariantCulture) : 1;
        return RunIterationsAsync(run, ReadValues(run.RenderProperty("values")), limit);
    }

    /// <summary>Runs the task's children once per value with at most <paramref name="limit"/> iterations at once.</summary>
    internal static Task<State> RunIterationsAsync(FlowableRun run, IReadOnlyList<object?> values, int limit)
    {
        return run.RunIterationsAsync(run.Task.Branch("tasks"), values, limit);
    }

    /// <summary>ForEach values: a list, or a JSON array as text (as an expression often renders).</summary>
    internal static IReadOnlyList<object?> ReadValues(object? values) => values switch
    {
        null => [],
        IReadOnlyList<object?> list => list,
        string text when text.TrimStart().StartsWith('[') => ParseArray(text),
        string text => throw new FlowableException($"'values' must be a list or a JSON array, not '{text}'"),
        var other => [other],
    };

    private static IReadOnlyList<object?> ParseArray(string text)
    {
        try
        {
            return PlainValues.ParseJson(text) as IReadOnlyList<object?> ?? [];
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new FlowableException($"'values' is not a valid JSON array: {e.Message}");
        }
    }
}

using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Expressions;
using Serverless.Engine.Orchestration;

namespace Serverless.Engine.Tasks.Flow;

/// <summary>
/// <c>io.kestra.plugin.core.execution.UnsetVariables</c>: removes keys from the execution's variables (<c>vars</c>);
/// a dotted key (<c>a.b</c>) removes inside nested maps. As in Kestra, an absent last key is ignored; an absent or
/// non-map parent fails unless <c>ignoreMissing: true</c>.
/// <code>
/// - id: forget
///   type: io.kestra.plugin.core.execution.UnsetVariables
///   variables: [token, settings.password]
/// </code>
/// </summary>
public sealed class UnsetVariablesTask : FlowableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.execution.UnsetVariables"];

    public override IReadOnlyList<PropertySpec> Properties { get; } = [PropertySpec.Any("variables", required: true), PropertySpec.Boolean("ignoreMissing")];

    public override Task<State> ExecuteAsync(FlowableRun run)
    {
        var keys = ParseJsonText(run.RenderProperty("variables")) switch
        {
            IReadOnlyList<object?> list => list.Select(ExpressionEngine.ToText).ToList(),
            string one => [one],
            _ => throw new FlowableException("'variables' must be a list of variable names"),
        };
        var ignoreMissing = Truthiness.ToBool(run.RenderProperty("ignoreMissing"), defaultValue: false);
        var vars = run.Variables;
        foreach (var key in keys)
        {
            vars = Remove(vars, key.Split('.'), ignoreMissing)
                ?? throw new FlowableException($"variable '{key}' cannot be removed: '{key[..key.LastIndexOf('.')]}' is not a map");
        }

        run.SetVariables(vars);
        return Task.FromResult(State.SUCCESS);
    }

    /// <summary>A copy of <paramref name="vars"/> without <paramref name="path"/>; null when a parent on the path is missing.</summary>
    private static IReadOnlyDictionary<string, object?>? Remove(IReadOnlyDictionary<string, object?> vars, ReadOnlySpan<string> path, bool ignoreMissing)
    {
        var copy = new Dictionary<string, object?>(vars, StringComparer.Ordinal);
        if (path.Length == 1)
        {
            copy.Remove(path[0]);
            return copy;
        }

        if (copy.GetValueOrDefault(path[0]) is not IReadOnlyDictionary<string, object?> child)
        {
            return ignoreMissing ? vars : null;
        }

        if (Remove(child, path[1..], ignoreMissing) is not { } removed)
        {
            return null;
        }

        copy[path[0]] = removed;
        return copy;
    }

    /// <summary>A map or list given as JSON text (as an expression may render it) becomes the value itself.</summary>
    internal static object? ParseJsonText(object? value)
    {
        if (value is not string text || text.TrimStart() is not ['{' or '[', ..])
        {
            return value;
        }

        try
        {
            return PlainValues.ParseJson(text);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new FlowableException($"'variables' is not valid JSON: {e.Message}");
        }
    }
}

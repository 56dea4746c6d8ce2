using Serverless.Engine.Contracts;

namespace Serverless.Engine.Activities;

/// <summary>
/// The variables of a task group's children: the group's shared variables, the child's own, and
/// <c>outputs</c> grown with each earlier sibling's outputs, keyed as the orchestration will record them.
/// </summary>
internal static class GroupOutputs
{
    /// <summary>The <c>outputs</c> variable the orchestration sent (empty when no child template reads it).</summary>
    public static IReadOnlyDictionary<string, object?> Initial(IReadOnlyDictionary<string, object?>? variables) =>
        variables?.GetValueOrDefault("outputs") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();

    /// <summary>A copy of <paramref name="root"/> with <paramref name="outputs"/> at <c>taskId[path…]</c>; the nodes on the path are copied, the rest shared.</summary>
    public static IReadOnlyDictionary<string, object?> With(IReadOnlyDictionary<string, object?> root, string taskId, IReadOnlyList<string> path, IReadOnlyDictionary<string, object?> outputs)
    {
        var copy = new Dictionary<string, object?>(root, StringComparer.Ordinal);
        copy[taskId] = path.Count == 0 ? outputs : Nest(root.GetValueOrDefault(taskId) as IReadOnlyDictionary<string, object?>, path, 0, outputs);
        return copy;
    }

    private static Dictionary<string, object?> Nest(IReadOnlyDictionary<string, object?>? node, IReadOnlyList<string> path, int index, IReadOnlyDictionary<string, object?> outputs)
    {
        var copy = node is null ? new Dictionary<string, object?>(StringComparer.Ordinal) : new Dictionary<string, object?>(node, StringComparer.Ordinal);
        copy[path[index]] = index == path.Count - 1
            ? outputs
            : Nest(copy.GetValueOrDefault(path[index]) as IReadOnlyDictionary<string, object?>, path, index + 1, outputs);
        return copy;
    }

    /// <summary>Everything a child's attempt renders with: shared, then its own, then the current outputs and attempt.</summary>
    public static Dictionary<string, object?> ChildVariables(TaskGroupRequest group, TaskGroupChild child, IReadOnlyDictionary<string, object?> outputs, int attempt)
    {
        var variables = new Dictionary<string, object?>(group.Variables ?? new Dictionary<string, object?>(), StringComparer.Ordinal);
        foreach (var (name, value) in child.Request.Variables ?? new Dictionary<string, object?>())
        {
            variables[name] = value;
        }

        variables["outputs"] = outputs;
        if (variables.GetValueOrDefault("taskrun") is IReadOnlyDictionary<string, object?> taskrun)
        {
            variables["taskrun"] = new Dictionary<string, object?>(taskrun, StringComparer.Ordinal) { ["attemptsCount"] = (long)attempt };
        }

        return variables;
    }
}

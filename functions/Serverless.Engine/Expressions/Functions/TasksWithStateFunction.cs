namespace Serverless.Engine.Expressions;

/// <summary>
/// Kestra's <c>tasksWithState(state='FAILED')</c>: the task runs of the execution in that state, as a list of
/// <c>{taskId, state}</c> (plus <c>value</c> for a task run inside a ForEach), read from the <c>tasks</c>
/// variable (<c>tasks.{taskId}.state</c> or <c>tasks.{taskId}[value].state</c>) the host supplies. Without that
/// variable the list is empty.
/// </summary>
internal static class TasksWithStateFunction
{
    public const string Name = "tasksWithState";

    public static object? Invoke(FunctionArguments args, Evaluator evaluator)
    {
        var wanted = args.GetString(0, "state", "FAILED")!.ToUpperInvariant();
        var found = new List<object?>();
        if (!evaluator.TryLookup("tasks", out var tasks) || ValueConverter.AsMap(tasks) is not { } byTask)
        {
            return found;
        }

        foreach (var (taskId, entry) in byTask)
        {
            if (ValueConverter.AsMap(entry) is not { } details)
            {
                continue;
            }

            if (details.TryGetValue("state", out var own) && own is not IReadOnlyDictionary<string, object?>)
            {
                Add(found, taskId, own, null, wanted);
                continue;
            }

            foreach (var (value, perValue) in details)
            {
                if (ValueConverter.AsMap(perValue) is { } run && run.TryGetValue("state", out var state))
                {
                    Add(found, taskId, state, value, wanted);
                }
            }
        }

        return found;
    }

    private static void Add(List<object?> found, string taskId, object? state, string? value, string wanted)
    {
        if (state is null || !string.Equals(ExpressionEngine.ToText(state), wanted, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var task = new Dictionary<string, object?>(StringComparer.Ordinal) { ["taskId"] = taskId, ["state"] = wanted };
        if (value is not null)
        {
            task["value"] = value;
        }

        found.Add(task);
    }
}

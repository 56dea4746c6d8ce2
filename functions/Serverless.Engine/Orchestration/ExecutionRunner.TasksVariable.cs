using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Serverless.Engine.Orchestration;

/// <summary>
/// Kestra's <c>tasks</c> variable, which <c>tasksWithState()</c> reads. Orchestration-side expressions get it
/// lazily (built only when a template reads it); an activity gets it only when its templates name it.
/// </summary>
internal sealed partial class ExecutionRunner
{
    /// <summary>
    /// <c>tasks.{taskId}.state</c>, or <c>tasks.{taskId}[value].state</c> for task runs inside a ForEach; the
    /// last task run of a task (or of a task and value) wins. Inside a segment, only the task runs the segment
    /// knows are listed (its own and those of the slice it belongs to).
    /// </summary>
    internal Dictionary<string, object?> TasksVariable()
    {
        var tasks = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var run in _runs.Runs)
        {
            var state = new Dictionary<string, object?> { ["state"] = run.State.Current.ToString() };
            if (run.Value is null)
            {
                tasks[run.TaskId] = state;
                continue;
            }

            if (tasks.GetValueOrDefault(run.TaskId) is not Dictionary<string, object?> byValue || byValue.ContainsKey("state"))
            {
                byValue = new Dictionary<string, object?>(StringComparer.Ordinal);
                tasks[run.TaskId] = byValue;
            }

            byValue[run.Value] = state;
        }

        return tasks;
    }

    /// <summary>Adds the <c>tasks</c> variable, built from the task runs only when an expression reads it.</summary>
    private Dictionary<string, object?> WithTasks(Dictionary<string, object?> variables)
    {
        variables["tasks"] = new LazyTasks(this);
        return variables;
    }

    /// <summary>The <c>tasks</c> map built on first read: it grows with the execution, most expressions never read it.</summary>
    private sealed class LazyTasks(ExecutionRunner runner) : IReadOnlyDictionary<string, object?>
    {
        private Dictionary<string, object?>? _tasks;

        private Dictionary<string, object?> Tasks => _tasks ??= runner.TasksVariable();

        public object? this[string key] => Tasks[key];

        public IEnumerable<string> Keys => Tasks.Keys;

        public IEnumerable<object?> Values => Tasks.Values;

        public int Count => Tasks.Count;

        public bool ContainsKey(string key) => Tasks.ContainsKey(key);

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value) => Tasks.TryGetValue(key, out value);

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => Tasks.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

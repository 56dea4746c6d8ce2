using Serverless.Engine.Executions;

namespace Serverless.Engine.Orchestration;

/// <summary>
/// Where a task runs in the tree: its parent task run and the iteration values of every enclosing ForEach
/// (outermost first), which key the task's outputs and fill <c>taskrun.value</c> and <c>parents</c>.
/// </summary>
internal sealed record RunFrame(TaskRun? Parent, IReadOnlyList<IterationValue> Iterations)
{
    public static RunFrame Root { get; } = new(null, []);

    /// <summary>The closest iteration, if the task is inside a loop.</summary>
    public IterationValue? Current => Iterations.Count > 0 ? Iterations[^1] : null;

    /// <summary>The iteration values that key outputs, outermost first (loops without values, such as LoopUntil, add none).</summary>
    public IReadOnlyList<string> OutputPath => [.. Iterations.Where(i => i.Text is not null).Select(i => i.Text!)];

    /// <summary>The frame of the children of <paramref name="parent"/>.</summary>
    public RunFrame ChildOf(TaskRun parent) => this with { Parent = parent };

    /// <summary>The frame of one iteration of a ForEach run <paramref name="parent"/>.</summary>
    public RunFrame Iteration(TaskRun parent, object? value, int index) =>
        new(parent, [.. Iterations, new IterationValue(value, index, parent)]);
}

/// <summary>One ForEach iteration: its value (as given), its index and the ForEach task run.</summary>
internal sealed record IterationValue(object? Value, int Index, TaskRun Owner)
{
    /// <summary>The value as text, as Kestra shows <c>taskrun.value</c> (maps and lists as JSON).</summary>
    public string? Text => Value switch
    {
        null => null,
        string s => s,
        _ => Expressions.ExpressionEngine.ToText(Value),
    };
}

namespace Serverless.Engine.Flows;

/// <summary>A named list of child tasks of a flowable task (<c>tasks</c>, <c>then</c>, <c>errors</c>, a Switch case…).</summary>
public sealed record TaskBranch(string Name, IReadOnlyList<TaskDefinition> Tasks);

/// <summary>
/// One task as declared in a flow: the properties every task has, the raw type-specific properties
/// (strings may hold expressions, rendered when the task runs) and, for flowable tasks, child branches.
/// </summary>
public sealed record TaskDefinition
{
    public required string Id { get; init; }

    /// <summary>The task type's canonical name (aliases are resolved when parsing).</summary>
    public required string Type { get; init; }

    public SourcePosition Position { get; init; }

    public string? Description { get; init; }

    public bool Disabled { get; init; }

    public bool AllowFailure { get; init; }

    public bool AllowWarning { get; init; }

    /// <summary>An expression; false skips the task (SKIPPED), an error fails it.</summary>
    public string? RunIf { get; init; }

    public TimeSpan? Timeout { get; init; }

    public RetryPolicy? Retry { get; init; }

    public string? LogLevel { get; init; }

    /// <summary>For a task inside a Dag: the ids of the tasks it waits for.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>Type-specific properties, with plugin defaults applied, as plain values.</summary>
    public IReadOnlyDictionary<string, object?> Properties { get; init; } = new Dictionary<string, object?>();

    /// <summary>Where each property was written, for validation messages.</summary>
    public IReadOnlyDictionary<string, SourcePosition> PropertyPositions { get; init; } = new Dictionary<string, SourcePosition>();

    /// <summary>Child task lists, in document order.</summary>
    public IReadOnlyList<TaskBranch> Branches { get; init; } = [];

    /// <summary>Where <paramref name="property"/> was written, or the task's own position.</summary>
    public SourcePosition PositionOf(string property) =>
        PropertyPositions.TryGetValue(property, out var position) ? position : Position;

    /// <summary>The child tasks of branch <paramref name="name"/>, or an empty list.</summary>
    public IReadOnlyList<TaskDefinition> Branch(string name)
        => FindBranch(name)?.Tasks ?? [];

    /// <summary>The branch called <paramref name="name"/>, or null if the task has none.</summary>
    public TaskBranch? FindBranch(string name)
    {
        foreach (var branch in Branches)
        {
            if (branch.Name == name)
            {
                return branch;
            }
        }

        return null;
    }

    /// <summary>This task then every task nested in it, depth first, in document order.</summary>
    public IEnumerable<TaskDefinition> SelfAndDescendants()
    {
        yield return this;
        foreach (var branch in Branches)
        {
            foreach (var child in branch.Tasks)
            {
                foreach (var descendant in child.SelfAndDescendants())
                {
                    yield return descendant;
                }
            }
        }
    }
}

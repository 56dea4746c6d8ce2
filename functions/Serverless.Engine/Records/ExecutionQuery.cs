using Serverless.Engine.Executions;
using Serverless.Engine.Flows;
using Serverless.Engine.Storage;

namespace Serverless.Engine.Records;

/// <summary>
/// An execution search, in Kestra's terms: <see cref="Namespace"/> includes child namespaces,
/// <see cref="StartDate"/> keeps executions started at or after it, <see cref="EndDate"/> those ended at or
/// before it, and every label must match. Pages are 1-based.
/// </summary>
public sealed record ExecutionQuery
{
    /// <summary>Largest page size a search accepts.</summary>
    public const int MaxSize = 500;

    public string? Namespace { get; init; }

    public string? FlowId { get; init; }

    public IReadOnlyList<State> States { get; init; } = [];

    public DateTimeOffset? StartDate { get; init; }

    public DateTimeOffset? EndDate { get; init; }

    public IReadOnlyList<Label> Labels { get; init; } = [];

    public int Page { get; init; } = 1;

    public int Size { get; init; } = 25;

    public ExecutionSort Sort { get; init; } = ExecutionSort.Default;

    /// <summary>Whether <paramref name="execution"/> matches every filter.</summary>
    public bool Matches(Execution execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        return (Namespace is null || StoragePaths.IsInNamespace(execution.Namespace, Namespace))
            && (FlowId is null || execution.FlowId == FlowId)
            && (States.Count == 0 || States.Contains(execution.State.Current))
            && (StartDate is null || execution.State.StartDate >= StartDate)
            && (EndDate is null || (execution.State.EndDate is { } end && end <= EndDate))
            && Labels.All(l => execution.Labels.Any(e => e.Key == l.Key && e.Value == l.Value));
    }

    /// <summary>Filters, sorts and pages <paramref name="candidates"/> (the shared last step of every store).</summary>
    public ExecutionPage Apply(IEnumerable<Execution> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var matching = Sort.Apply(candidates.Where(Matches)).ToList();
        var page = matching.Skip((Math.Max(1, Page) - 1) * Size).Take(Size).ToList();
        return new ExecutionPage(page, matching.Count);
    }
}

/// <summary>A sort order: <c>field:asc|desc</c> over the fields Kestra's UI sorts on.</summary>
public sealed record ExecutionSort(string Field, bool Descending)
{
    public static ExecutionSort Default { get; } = new("state.startDate", Descending: true);

    /// <summary>The fields accepted, by their Kestra names.</summary>
    public static IReadOnlyList<string> Fields { get; } =
        ["id", "namespace", "flowId", "state.current", "state.startDate", "state.endDate", "state.duration", "flowRevision"];

    /// <summary>Parses <c>field</c>, <c>field:asc</c> or <c>field:desc</c>; null when the field or direction is unknown.</summary>
    public static ExecutionSort? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':', 2);
        var field = Fields.FirstOrDefault(f => string.Equals(f, parts[0].Trim(), StringComparison.OrdinalIgnoreCase));
        var direction = parts.Length == 2 ? parts[1].Trim().ToLowerInvariant() : "asc";
        return field is null || direction is not ("asc" or "desc") ? null : new ExecutionSort(field, direction == "desc");
    }

    /// <summary>Sorts with the id as a tie-breaker, so pages are stable.</summary>
    public IEnumerable<Execution> Apply(IEnumerable<Execution> executions)
    {
        var ordered = Field switch
        {
            "id" => Order(executions, e => e.Id),
            "namespace" => Order(executions, e => e.Namespace),
            "flowId" => Order(executions, e => e.FlowId),
            "state.current" => Order(executions, e => e.State.Current.ToString()),
            "state.endDate" => Order(executions, e => e.State.EndDate ?? DateTimeOffset.MaxValue),
            "state.duration" => Order(executions, e => (e.State.EndDate ?? e.State.Histories[^1].Date) - (e.State.StartDate ?? DateTimeOffset.MinValue)),
            "flowRevision" => Order(executions, e => e.FlowRevision),
            _ => Order(executions, e => e.State.StartDate ?? DateTimeOffset.MinValue),
        };
        return Descending ? ordered.ThenByDescending(e => e.Id, StringComparer.Ordinal) : ordered.ThenBy(e => e.Id, StringComparer.Ordinal);
    }

    private IOrderedEnumerable<Execution> Order<TKey>(IEnumerable<Execution> executions, Func<Execution, TKey> key) =>
        Descending ? executions.OrderByDescending(key) : executions.OrderBy(key);

    public override string ToString() => Field + (Descending ? ":desc" : ":asc");
}

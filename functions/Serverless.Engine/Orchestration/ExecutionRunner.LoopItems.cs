using Serverless.Engine.Expressions;

namespace Serverless.Engine.Orchestration;

/// <summary>
/// The <c>item</c> variable of Loop iterations: <c>item.value</c> (as text), <c>item.index</c>, <c>item.key</c> when
/// the values were a map, and the enclosing Loops' items as <c>item.parent</c> and <c>item.parents</c> (innermost first).
/// </summary>
internal sealed partial class ExecutionRunner
{
    /// <summary>Loop task runs by id, with their map keys (null when the values were a list).</summary>
    private readonly Dictionary<string, IReadOnlyList<string>?> _loops = new(StringComparer.Ordinal);

    /// <summary>Marks <paramref name="runId"/> as a Loop, so its iterations get an <c>item</c> variable.</summary>
    internal void RegisterLoop(string runId, IReadOnlyList<string>? keys) => _loops[runId] = keys;

    /// <summary>
    /// The Loops a segment's tasks sit in (its parent and the owners of its enclosing iterations), not every Loop
    /// seen so far: the input is replayed in every episode of the segment. Null when there are none.
    /// </summary>
    private Dictionary<string, IReadOnlyList<string>?>? LoopsFor(Contracts.SegmentRequest request)
    {
        var loops = request.Iterations.Select(i => i.Owner.Id).Append(request.Parent?.Id)
            .OfType<string>()
            .Where(_loops.ContainsKey)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(id => id, id => _loops[id], StringComparer.Ordinal);
        return loops.Count > 0 ? loops : null;
    }

    private void RestoreLoops(IReadOnlyDictionary<string, IReadOnlyList<string>?>? loops)
    {
        foreach (var (id, keys) in loops ?? new Dictionary<string, IReadOnlyList<string>?>())
        {
            _loops[id] = keys;
        }
    }

    /// <summary>The <c>item</c> variable of a task in <paramref name="frame"/>; null outside any Loop.</summary>
    private Dictionary<string, object?>? LoopItem(RunFrame frame)
    {
        if (_loops.Count == 0)
        {
            return null;
        }

        var items = frame.Iterations.Where(i => _loops.ContainsKey(i.Owner.Id)).Reverse().Select(ItemOf).ToList();
        if (items.Count == 0)
        {
            return null;
        }

        var item = new Dictionary<string, object?>(items[0], StringComparer.Ordinal)
        {
            ["parent"] = items.Count > 1 ? items[1] : null,
            ["parents"] = items.Skip(1).Cast<object?>().ToList(),
        };
        return item;
    }

    private Dictionary<string, object?> ItemOf(IterationValue iteration) => new(StringComparer.Ordinal)
    {
        ["value"] = iteration.Text,
        ["index"] = (long)iteration.Index,
        ["iteration"] = (long)iteration.Index,
        ["key"] = _loops[iteration.Owner.Id] is { } keys && iteration.Index < keys.Count ? keys[iteration.Index] : null,
    };
}

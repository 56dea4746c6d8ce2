namespace Serverless.Engine.Orchestration;

/// <summary>
/// The <c>outputs</c> variable: task id → outputs, nested by iteration values for tasks inside ForEach
/// (<c>outputs.child['value 1']</c>, <c>outputs.child[outer][inner]</c>), as Kestra keys them.
/// </summary>
internal sealed class OutputStore
{
    private readonly Dictionary<string, object?> _root = new(StringComparer.Ordinal);
    private readonly List<Contracts.OutputSet>? _changes;

    /// <summary>An empty store; with <paramref name="initial"/>, a copy of it that records what is set afterwards.</summary>
    public OutputStore(IReadOnlyDictionary<string, object?>? initial = null)
    {
        if (initial is null)
        {
            return;
        }

        _changes = [];
        foreach (var (key, value) in initial)
        {
            _root[key] = Copy(value);
        }
    }

    public IReadOnlyDictionary<string, object?> Root => _root;

    /// <summary>What was set since the store was created from a snapshot (segments report it to their parent).</summary>
    public IReadOnlyList<Contracts.OutputSet> Changes => _changes ?? [];

    public void Set(string taskId, IReadOnlyList<string> valuesPath, IReadOnlyDictionary<string, object?> outputs)
    {
        _changes?.Add(new Contracts.OutputSet(taskId, valuesPath, outputs));
        if (valuesPath.Count == 0)
        {
            _root[taskId] = outputs;
            return;
        }

        var node = _root.TryGetValue(taskId, out var existing) && existing is Dictionary<string, object?> map ? map : null;
        if (node is null)
        {
            node = new Dictionary<string, object?>(StringComparer.Ordinal);
            _root[taskId] = node;
        }

        for (var i = 0; i < valuesPath.Count - 1; i++)
        {
            if (!node.TryGetValue(valuesPath[i], out var next) || next is not Dictionary<string, object?> child)
            {
                child = new Dictionary<string, object?>(StringComparer.Ordinal);
                node[valuesPath[i]] = child;
            }

            node = child;
        }

        node[valuesPath[^1]] = outputs;
    }

    /// <summary>Nested maps are copied so later sets never change the snapshot they came from.</summary>
    private static object? Copy(object? value) => value is IReadOnlyDictionary<string, object?> map
        ? map.ToDictionary(p => p.Key, p => Copy(p.Value), StringComparer.Ordinal)
        : value;
}

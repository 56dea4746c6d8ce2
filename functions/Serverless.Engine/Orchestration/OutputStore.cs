namespace Serverless.Engine.Orchestration;

/// <summary>
/// The <c>outputs</c> variable: task id → outputs, nested by iteration values for tasks inside ForEach
/// (<c>outputs.child['value 1']</c>, <c>outputs.child[outer][inner]</c>), as Kestra keys them.
/// </summary>
internal sealed class OutputStore
{
    private readonly Dictionary<string, object?> _root = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, object?> Root => _root;

    public void Set(string taskId, IReadOnlyList<string> valuesPath, IReadOnlyDictionary<string, object?> outputs)
    {
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
}

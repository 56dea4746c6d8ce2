namespace Serverless.Engine.Expressions;

/// <summary>
/// Thread-safe, bounded least-recently-used cache of parsed templates. Flows render the same few hundred
/// strings over and over; the bound keeps hostile or generated templates from growing memory forever.
/// </summary>
internal sealed class TemplateCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<KeyValuePair<string, ParsedTemplate>>> _map = new(StringComparer.Ordinal);
    private readonly LinkedList<KeyValuePair<string, ParsedTemplate>> _order = new();
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _map.Count;
            }
        }
    }

    public ParsedTemplate GetOrAdd(string key, Func<string, ParsedTemplate> parse)
    {
        lock (_gate)
        {
            if (_map.TryGetValue(key, out var hit))
            {
                _order.Remove(hit);
                _order.AddFirst(hit);
                return hit.Value.Value;
            }
        }

        // Parse outside the lock: parsing is pure, a duplicate parse under a race is harmless.
        var parsed = parse(key);
        lock (_gate)
        {
            if (_map.TryGetValue(key, out var existing))
            {
                return existing.Value.Value;
            }

            var node = _order.AddFirst(new KeyValuePair<string, ParsedTemplate>(key, parsed));
            _map[key] = node;
            while (_map.Count > capacity && _order.Last is { } last)
            {
                _order.RemoveLast();
                _map.Remove(last.Value.Key);
            }
        }

        return parsed;
    }
}

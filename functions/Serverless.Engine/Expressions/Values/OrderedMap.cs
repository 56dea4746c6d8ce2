using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Serverless.Engine.Expressions;

/// <summary>
/// A string-keyed map that remembers insertion order, so maps built by templates (literals, <c>fromJson</c>,
/// <c>merge</c>) render their keys in the order the author wrote them, as Kestra's LinkedHashMap does.
/// Mutable only while being built; handed out as <see cref="IReadOnlyDictionary{TKey, TValue}"/>.
/// </summary>
public sealed class OrderedMap : IReadOnlyDictionary<string, object?>
{
    private readonly List<KeyValuePair<string, object?>> _entries;
    private readonly Dictionary<string, int> _index;

    public OrderedMap()
        : this(4)
    {
    }

    public OrderedMap(int capacity)
    {
        _entries = new List<KeyValuePair<string, object?>>(capacity);
        _index = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
    }

    public int Count => _entries.Count;

    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    public IEnumerable<object?> Values => _entries.Select(e => e.Value);

    public object? this[string key] => _entries[_index[key]].Value;

    /// <summary>Adds or replaces; a replaced key keeps its original position.</summary>
    public void Set(string key, object? value)
    {
        if (_index.TryGetValue(key, out var at))
        {
            _entries[at] = new KeyValuePair<string, object?>(key, value);
            return;
        }

        _index[key] = _entries.Count;
        _entries.Add(new KeyValuePair<string, object?>(key, value));
    }

    public bool ContainsKey(string key) => _index.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        if (_index.TryGetValue(key, out var at))
        {
            value = _entries[at].Value;
            return true;
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

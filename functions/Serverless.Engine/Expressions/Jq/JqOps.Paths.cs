namespace Serverless.Engine.Expressions.Jq;

internal static partial class JqOps
{
    private const int MaxArrayIndex = 100_000_000;

    public static object? GetPath(object? value, IReadOnlyList<object?> path, int index)
    {
        for (var i = index; i < path.Count; i++)
        {
            if (value is null)
            {
                return null;
            }

            value = Index(value, path[i]);
        }

        return value;
    }

    public static object? SetPath(object? value, IReadOnlyList<object?> path, int index, object? newValue)
    {
        if (index == path.Count)
        {
            return newValue;
        }

        var key = path[index];
        switch (value, key)
        {
            case (null or IReadOnlyDictionary<string, object?>, string k):
                var map = new OrderedMap();
                if (value is IReadOnlyDictionary<string, object?> existing)
                {
                    foreach (var (ek, ev) in existing)
                    {
                        map.Set(ek, ev);
                    }
                }

                map.TryGetValue(k, out var child);
                map.Set(k, SetPath(child, path, index + 1, newValue));
                return map;
            case (null or IReadOnlyList<object?>, long or double):
                var list = value is IReadOnlyList<object?> l ? new List<object?>(l) : [];
                var d = Math.Floor(JqValues.ToDouble(key));
                if (double.IsNaN(d))
                {
                    d = 0;
                }

                if (d < 0)
                {
                    d += list.Count;
                    if (d < 0)
                    {
                        throw new JqRuntimeException("Out of bounds negative array index");
                    }
                }

                if (d > MaxArrayIndex)
                {
                    throw new JqRuntimeException("Array index too large");
                }

                var i = (int)d;
                while (list.Count <= i)
                {
                    list.Add(null);
                }

                list[i] = SetPath(list[i], path, index + 1, newValue);
                return list;
            case (null or IReadOnlyList<object?>, IReadOnlyDictionary<string, object?> slice):
                var source = value as IReadOnlyList<object?> ?? [];
                var (start, end) = SliceBounds(slice, source.Count);
                var replaced = SetPath(source.Skip(start).Take(end - start).ToList(), path, index + 1, newValue);
                if (replaced is not IReadOnlyList<object?> items)
                {
                    throw new JqRuntimeException("A slice of an array can only be assigned another array");
                }

                return source.Take(start).Concat(items).Concat(source.Skip(end)).ToList();
            case (_, string k):
                throw new JqRuntimeException($"Cannot index {JqValues.TypeName(value)} with string \"{k}\"");
            default:
                throw new JqRuntimeException($"Cannot index {JqValues.TypeName(value)} with {JqValues.TypeName(key)}");
        }
    }

    /// <summary>
    /// Deletes every path at once: indices are resolved against the original value and removed from the
    /// highest down, so <c>del(.[1], .[2])</c> removes both original elements.
    /// </summary>
    public static object? DelPaths(object? value, IReadOnlyList<object?> paths)
    {
        var list = new List<IReadOnlyList<object?>>();
        foreach (var p in paths)
        {
            if (p is not IReadOnlyList<object?> path)
            {
                throw new JqRuntimeException("Path must be specified as an array");
            }

            list.Add(path);
        }

        return Delete(value, list, 0);
    }

    private static object? Delete(object? value, List<IReadOnlyList<object?>> paths, int depth)
    {
        if (paths.Any(p => p.Count == depth))
        {
            return null;
        }

        switch (value)
        {
            case null:
                return null;
            case IReadOnlyDictionary<string, object?> map:
                {
                    var removed = new HashSet<string>(StringComparer.Ordinal);
                    var nested = new Dictionary<string, List<IReadOnlyList<object?>>>(StringComparer.Ordinal);
                    foreach (var p in paths)
                    {
                        if (p[depth] is not string k)
                        {
                            throw new JqRuntimeException($"Cannot delete field at index of object");
                        }

                        if (p.Count == depth + 1)
                        {
                            removed.Add(k);
                        }
                        else
                        {
                            (nested.TryGetValue(k, out var group) ? group : nested[k] = []).Add(p);
                        }
                    }

                    var result = new OrderedMap(map.Count);
                    foreach (var (k, v) in map)
                    {
                        if (!removed.Contains(k))
                        {
                            result.Set(k, nested.TryGetValue(k, out var group) ? Delete(v, group, depth + 1) : v);
                        }
                    }

                    return result;
                }

            case IReadOnlyList<object?> array:
                {
                    var items = new List<object?>(array);
                    var removed = new HashSet<int>();
                    var nested = new Dictionary<int, List<IReadOnlyList<object?>>>();
                    foreach (var p in paths)
                    {
                        switch (p[depth])
                        {
                            case long or double:
                                var d = Math.Floor(JqValues.ToDouble(p[depth]));
                                if (d < 0)
                                {
                                    d += items.Count;
                                }

                                if (double.IsNaN(d) || d < 0 || d >= items.Count)
                                {
                                    continue;
                                }

                                if (p.Count == depth + 1)
                                {
                                    removed.Add((int)d);
                                }
                                else
                                {
                                    (nested.TryGetValue((int)d, out var group) ? group : nested[(int)d] = []).Add(p);
                                }

                                break;
                            case IReadOnlyDictionary<string, object?> slice:
                                if (p.Count != depth + 1)
                                {
                                    throw new JqRuntimeException("Cannot delete inside an array slice");
                                }

                                var (start, end) = SliceBounds(slice, items.Count);
                                for (var i = start; i < end; i++)
                                {
                                    removed.Add(i);
                                }

                                break;
                            case string k:
                                throw new JqRuntimeException($"Cannot delete field at object index of array (\"{k}\")");
                            default:
                                throw new JqRuntimeException("Cannot delete field at index of array");
                        }
                    }

                    foreach (var (i, group) in nested)
                    {
                        items[i] = Delete(items[i], group, depth + 1);
                    }

                    foreach (var i in removed.OrderDescending())
                    {
                        items.RemoveAt(i);
                    }

                    return items;
                }

            default:
                throw new JqRuntimeException($"Cannot delete field at index of {JqValues.TypeName(value)}");
        }
    }
}

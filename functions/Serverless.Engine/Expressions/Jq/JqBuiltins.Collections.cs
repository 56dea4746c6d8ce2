namespace Serverless.Engine.Expressions.Jq;

internal static partial class JqBuiltins
{
    private static void RegisterCollections(Dictionary<string, JqNative> n)
    {
        n["sort/0"] = V0(v => Sorted(Arr(v, "cannot be sorted, as it is not an array"), x => x));
        n["sort_by/1"] = ByKey((list, keys) => SortByKeys(list, keys));
        n["group_by/1"] = ByKey((list, keys) => Groups(list, keys).Select(g => (object?)g).ToList());
        n["unique/0"] = V0(v => Groups(Arr(v, "cannot be sorted, as it is not an array"), Arr(v, string.Empty)).Select(g => g[0]).ToList());
        n["unique_by/1"] = ByKey((list, keys) => Groups(list, keys).Select(g => g[0]).ToList());
        n["min/0"] = V0(v => Extreme(Arr(v, "cannot be iterated over"), null, false));
        n["max/0"] = V0(v => Extreme(Arr(v, "cannot be iterated over"), null, true));
        n["min_by/1"] = ByKey((list, keys) => Extreme(list, keys, false));
        n["max_by/1"] = ByKey((list, keys) => Extreme(list, keys, true));
        n["reverse/0"] = V0(v => v switch
        {
            null => new List<object?>(),
            string s => JqOps.FromCodepoints(Enumerable.Reverse(JqOps.Codepoints(s))),
            IReadOnlyList<object?> l => Enumerable.Reverse(l).ToList(),
            _ => throw new JqRuntimeException($"Cannot reverse {JqValues.Describe(v)}"),
        });
        n["flatten/0"] = V0(v => Flatten(Arr(v, "cannot be flattened"), double.PositiveInfinity));
        n["flatten/1"] = V1((v, d) =>
        {
            var depth = Num(d);
            return depth < 0
                ? throw new JqRuntimeException("flatten depth must not be negative")
                : Flatten(Arr(v, "cannot be flattened"), depth);
        });
        n["indices/1"] = V1(Indices);
        n["index/1"] = V1((v, i) => Indices(v, i) is IReadOnlyList<object?> { Count: > 0 } l ? l[0] : null);
        n["rindex/1"] = V1((v, i) => Indices(v, i) is IReadOnlyList<object?> { Count: > 0 } l ? l[^1] : null);
        n["bsearch/1"] = V1((v, t) => BinarySearch(Arr(v, "cannot be searched from"), t));
        n["tojson/0"] = V0(v => JqJson.Write(v));
        n["transpose/0"] = V0(Transpose);
        n["add/0"] = V0(v => v switch
        {
            null => null,
            IReadOnlyList<object?> l => l.Aggregate((object?)null, JqOps.Add),
            IReadOnlyDictionary<string, object?> m => m.Values.Aggregate((object?)null, JqOps.Add),
            _ => throw new JqRuntimeException($"Cannot iterate over {JqValues.Describe(v)}"),
        });
    }

    /// <summary>A built-in over an array and the keys <c>[f]</c> of each element (jq's <c>_sort_by_impl(map([f]))</c>).</summary>
    private static JqNative ByKey(Func<IReadOnlyList<object?>, IReadOnlyList<object?>, object?> f) => (it, input, args, env, _) =>
    {
        var list = Arr(input.V, "cannot be sorted, as it is not an array");
        var keys = list.Select(x => (object?)it.Values(args[0], x, env).ToList()).ToList();
        return [new Pv(f(list, keys), null)];
    };

    private static List<object?> Sorted(IReadOnlyList<object?> list, Func<object?, object?> key) =>
        SortByKeys(list, list.Select(key).ToList());

    private static List<object?> SortByKeys(IReadOnlyList<object?> list, IReadOnlyList<object?> keys) =>
        Enumerable.Range(0, list.Count)
            .OrderBy(i => keys[i], Comparer<object?>.Create(JqValues.Compare))
            .ThenBy(i => i)
            .Select(i => list[i])
            .ToList();

    private static List<List<object?>> Groups(IReadOnlyList<object?> list, IReadOnlyList<object?> keys)
    {
        var order = Enumerable.Range(0, list.Count)
            .OrderBy(i => keys[i], Comparer<object?>.Create(JqValues.Compare))
            .ThenBy(i => i)
            .ToList();
        var groups = new List<List<object?>>();
        object? previous = null;
        foreach (var i in order)
        {
            if (groups.Count == 0 || JqValues.Compare(previous, keys[i]) != 0)
            {
                groups.Add([]);
                previous = keys[i];
            }

            groups[^1].Add(list[i]);
        }

        return groups;
    }

    /// <summary>min keeps the first smallest, max the last largest, as jq does.</summary>
    private static object? Extreme(IReadOnlyList<object?> list, IReadOnlyList<object?>? keys, bool max)
    {
        if (list.Count == 0)
        {
            return null;
        }

        var best = 0;
        for (var i = 1; i < list.Count; i++)
        {
            var c = JqValues.Compare(keys is null ? list[i] : keys[i], keys is null ? list[best] : keys[best]);
            if (max ? c >= 0 : c < 0)
            {
                best = i;
            }
        }

        return list[best];
    }

    private static List<object?> Flatten(IReadOnlyList<object?> list, double depth)
    {
        var result = new List<object?>();
        foreach (var item in list)
        {
            if (item is IReadOnlyList<object?> inner && depth > 0)
            {
                result.AddRange(Flatten(inner, depth - 1));
            }
            else
            {
                result.Add(item);
            }
        }

        return result;
    }

    private static object? Indices(object? v, object? i)
    {
        switch (v, i)
        {
            case (null, _):
                return null;
            case (string s, string sub):
                var result = new List<object?>();
                if (sub.Length == 0)
                {
                    return null;
                }

                for (var at = s.IndexOf(sub, StringComparison.Ordinal); at >= 0; at = s.IndexOf(sub, at + 1, StringComparison.Ordinal))
                {
                    result.Add((long)JqOps.Codepoints(s[..at]).Count);
                }

                return result;
            case (IReadOnlyList<object?> list, IReadOnlyList<object?> sub):
                return JqOps.Indices(list, sub);
            case (IReadOnlyList<object?> list, _):
                return JqOps.Indices(list, [i]);
            default:
                return JqOps.Index(v, i);
        }
    }

    private static object BinarySearch(IReadOnlyList<object?> list, object? target)
    {
        int lo = 0, hi = list.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var c = JqValues.Compare(list[mid], target);
            if (c == 0)
            {
                return (long)mid;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return (long)(-1 - lo);
    }

    private static List<object?> Transpose(object? v)
    {
        var rows = Arr(v, "cannot be transposed");
        var width = rows.Select(r => r is IReadOnlyList<object?> l ? l.Count : throw new JqRuntimeException("Cannot transpose a non-array row")).DefaultIfEmpty(0).Max();
        return Enumerable.Range(0, width)
            .Select(j => (object?)rows.Select(r => JqOps.Index(r, (long)j)).ToList())
            .ToList();
    }
}

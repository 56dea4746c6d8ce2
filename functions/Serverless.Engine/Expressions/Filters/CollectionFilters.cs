using System.Text;

namespace Serverless.Engine.Expressions;

internal static partial class FilterRegistry
{
    private static void RegisterCollections(Dictionary<string, FilterFunction> f)
    {
        f["length"] = (input, _, _) => input switch
        {
            null => 0L,
            string s => (long)s.Length,
            IReadOnlyList<object?> list => (long)list.Count,
            IReadOnlyDictionary<string, object?> map => (long)map.Count,
            _ => 1L,
        };
        f["first"] = (input, _, _) => input switch
        {
            string s => s.Length > 0 ? s[..1] : string.Empty,
            _ => RequireList(input, "first") is { Count: > 0 } l ? l[0] : null,
        };
        f["last"] = (input, _, _) => input switch
        {
            string s => s.Length > 0 ? s[^1..] : string.Empty,
            _ => RequireList(input, "last") is { Count: > 0 } l ? l[^1] : null,
        };
        f["join"] = Join;
        f["keys"] = (input, _, _) => RequireMap(input, "keys").Keys.Cast<object?>().ToList();
        f["values"] = (input, _, _) => RequireMap(input, "values").Values.ToList();
        f["reverse"] = (input, _, _) => input is string s
            ? new string(s.Reverse().ToArray())
            : RequireList(input, "reverse").Reverse().ToList();
        f["sort"] = (input, _, _) => RequireList(input, "sort").Order(Comparer<object?>.Create(ValueOps.Compare)).ToList();
        f["rsort"] = (input, _, _) => RequireList(input, "rsort").OrderDescending(Comparer<object?>.Create(ValueOps.Compare)).ToList();
        f["slice"] = Slice;
        f["chunk"] = Chunk;
        f["flatten"] = (input, _, evaluator) => Flatten(RequireList(input, "flatten"), evaluator);
        f["distinct"] = (input, _, _) => Distinct(RequireList(input, "distinct"));
        f["merge"] = Merge;
        f["append"] = (input, args, evaluator) => input is IReadOnlyList<object?> list
            ? list.Append(args.Get(0, "value")).ToList()
            : Text(input) + Text(args.Get(0, "value"));
        f["abs"] = (input, _, _) => input switch
        {
            long l => (object)Math.Abs(l),
            double d => Math.Abs(d),
            _ => Math.Abs(ValueOps.ToDouble(input)),
        };
        f["round"] = Round;
    }

    private static object? Join(object? input, FunctionArguments args, Evaluator evaluator)
    {
        var separator = args.GetString(0, "separator", string.Empty)!;
        var sb = new StringBuilder();
        var first = true;
        foreach (var item in RequireList(input, "join"))
        {
            if (!first)
            {
                sb.Append(separator);
            }

            first = false;
            sb.Append(Text(item));
            evaluator.CheckLength(sb.ToString());
        }

        return sb.ToString();
    }

    private static object? Slice(object? input, FunctionArguments args, Evaluator evaluator)
    {
        var length = input is string s ? s.Length : RequireList(input, "slice").Count;
        var from = (int)Math.Clamp(args.GetLong(0, "fromIndex", 0), 0, length);
        var to = (int)Math.Clamp(args.GetLong(1, "toIndex", length), from, length);
        return input is string text ? text[from..to] : RequireList(input, "slice").Skip(from).Take(to - from).ToList();
    }

    private static object? Chunk(object? input, FunctionArguments args, Evaluator evaluator)
    {
        var size = args.GetLong(0, "size", 1);
        if (size < 1)
        {
            throw new ExpressionException("chunk size must be at least 1");
        }

        return RequireList(input, "chunk").Chunk((int)Math.Min(size, int.MaxValue)).Select(object? (c) => c.ToList()).ToList();
    }

    private static List<object?> Flatten(IReadOnlyList<object?> list, Evaluator evaluator)
    {
        var result = new List<object?>();
        foreach (var item in list)
        {
            if (ValueConverter.Normalize(item) is IReadOnlyList<object?> inner)
            {
                result.AddRange(inner);
            }
            else
            {
                result.Add(item);
            }

            evaluator.CheckSize(result.Count);
        }

        return result;
    }

    private static List<object?> Distinct(IReadOnlyList<object?> list)
    {
        var result = new List<object?>();
        foreach (var item in list)
        {
            if (!result.Any(r => ValueOps.AreEqual(r, item)))
            {
                result.Add(item);
            }
        }

        return result;
    }

    private static object? Merge(object? input, FunctionArguments args, Evaluator evaluator)
    {
        var other = ValueConverter.Normalize(args.Get(0, "items"));
        if (input is IReadOnlyList<object?> list)
        {
            var merged = list.Concat(RequireList(other, "merge")).ToList();
            evaluator.CheckSize(merged.Count);
            return merged;
        }

        var result = new OrderedMap();
        foreach (var (key, value) in RequireMap(input, "merge"))
        {
            result.Set(key, value);
        }

        foreach (var (key, value) in RequireMap(other, "merge"))
        {
            result.Set(key, value);
        }

        return result;
    }

    private static object? Round(object? input, FunctionArguments args, Evaluator evaluator)
    {
        var precision = (int)Math.Clamp(args.GetLong(0, "precision", 0), 0, 15);
        var method = args.GetString(1, "method", "common")!;
        if (input is long l)
        {
            return l;
        }

        var value = ValueOps.ToDouble(input);
        var factor = Math.Pow(10, precision);
        var rounded = method switch
        {
            "ceil" => Math.Ceiling(value * factor) / factor,
            "floor" => Math.Floor(value * factor) / factor,
            _ => Math.Round(value, precision, MidpointRounding.AwayFromZero),
        };
        return precision == 0 ? (object)(long)rounded : rounded;
    }
}

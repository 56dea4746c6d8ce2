using System.Text;

namespace Serverless.Engine.Expressions.Jq;

/// <summary>jq's operators and indexing on values, with jq's error messages.</summary>
internal static partial class JqOps
{
    private const long ExactLimit = 1L << 53;

    public static string ToText(object? v) => v is string s ? s : JqJson.Write(v);

    public static object? Index(object? value, object? key)
    {
        switch (value, key)
        {
            case (null, string or long or double or null):
                return null;
            case (null, IReadOnlyDictionary<string, object?>):
                return null;
            case (IReadOnlyDictionary<string, object?> map, string k):
                return map.TryGetValue(k, out var v) ? v : null;
            case (IReadOnlyList<object?> list, long or double):
                var d = JqValues.ToDouble(key);
                if (double.IsNaN(d))
                {
                    return null;
                }

                var i = Math.Floor(d);
                if (i < 0)
                {
                    i += list.Count;
                }

                return i >= 0 && i < list.Count ? list[(int)i] : null;
            case (IReadOnlyList<object?> or string, IReadOnlyDictionary<string, object?> slice):
                return Slice(value, slice);
            case (IReadOnlyList<object?> list, IReadOnlyList<object?> sub):
                return Indices(list, sub);
            case (_, string k):
                throw new JqRuntimeException($"Cannot index {JqValues.TypeName(value)} with string \"{k}\"");
            default:
                throw new JqRuntimeException($"Cannot index {JqValues.TypeName(value)} with {JqValues.TypeName(key)}");
        }
    }

    /// <summary>Resolves slice bounds jq's way: null means the end, negatives count from the end, clamped.</summary>
    public static (int Start, int End) SliceBounds(IReadOnlyDictionary<string, object?> slice, int length)
    {
        slice.TryGetValue("start", out var s);
        slice.TryGetValue("end", out var e);
        if (s is not (null or long or double) || e is not (null or long or double))
        {
            throw new JqRuntimeException("Start and end indices of an array slice must be numbers");
        }

        var start = s is null ? 0 : Math.Floor(JqValues.ToDouble(s));
        var end = e is null ? length : Math.Ceiling(JqValues.ToDouble(e));
        if (start < 0)
        {
            start += length;
        }

        if (end < 0)
        {
            end += length;
        }

        start = Math.Clamp(double.IsNaN(start) ? 0 : start, 0, length);
        end = Math.Clamp(double.IsNaN(end) ? length : end, 0, length);
        if (end < start)
        {
            end = start;
        }

        return ((int)start, (int)end);
    }

    private static object? Slice(object? value, IReadOnlyDictionary<string, object?> slice)
    {
        if (value is string str)
        {
            var cps = Codepoints(str);
            var (s, e) = SliceBounds(slice, cps.Count);
            return FromCodepoints(cps.Skip(s).Take(e - s));
        }

        var list = (IReadOnlyList<object?>)value!;
        var (start, end) = SliceBounds(slice, list.Count);
        return list.Skip(start).Take(end - start).ToList();
    }

    public static List<int> Codepoints(string s)
    {
        var cps = new List<int>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                cps.Add(char.ConvertToUtf32(s[i], s[i + 1]));
                i++;
            }
            else
            {
                cps.Add(char.IsSurrogate(s[i]) ? 0xFFFD : s[i]);
            }
        }

        return cps;
    }

    public static string FromCodepoints(IEnumerable<int> cps)
    {
        var sb = new StringBuilder();
        foreach (var cp in cps)
        {
            sb.Append(cp is < 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF) ? "\uFFFD" : char.ConvertFromUtf32(cp));
        }

        return sb.ToString();
    }

    public static object? Indices(IReadOnlyList<object?> list, IReadOnlyList<object?> sub)
    {
        var result = new List<object?>();
        if (sub.Count == 0)
        {
            return null;
        }

        for (var i = 0; i + sub.Count <= list.Count; i++)
        {
            var match = true;
            for (var j = 0; j < sub.Count && match; j++)
            {
                match = JqValues.Equal(list[i + j], sub[j]);
            }

            if (match)
            {
                result.Add((long)i);
            }
        }

        return result;
    }

    public static object Negate(object? v) => v switch
    {
        long l when l != long.MinValue => -l,
        long or double => -JqValues.ToDouble(v),
        _ => throw new JqRuntimeException($"{JqValues.Describe(v)} cannot be negated"),
    };

    public static object? Binary(string op, object? l, object? r, int maxString) => op switch
    {
        "+" => Add(l, r),
        "-" => Subtract(l, r),
        "*" => Multiply(l, r, maxString),
        "/" => Divide(l, r),
        "%" => Modulo(l, r),
        "==" => JqValues.Equal(l, r),
        "!=" => !JqValues.Equal(l, r),
        "<" => JqValues.Compare(l, r) < 0,
        "<=" => JqValues.Compare(l, r) <= 0,
        ">" => JqValues.Compare(l, r) > 0,
        ">=" => JqValues.Compare(l, r) >= 0,
        _ => throw new JqRuntimeException($"unknown operator {op}"),
    };

    private static bool Exact(long v) => v > -ExactLimit && v < ExactLimit;

    public static object? Add(object? l, object? r)
    {
        switch (l, r)
        {
            case (null, _):
                return r;
            case (_, null):
                return l;
            case (long a, long b) when Exact(a) && Exact(b):
                return a + b;
            case (long or double, long or double):
                return JqValues.Number(JqValues.ToDouble(l) + JqValues.ToDouble(r));
            case (string a, string b):
                return a + b;
            case (IReadOnlyList<object?> a, IReadOnlyList<object?> b):
                var list = new List<object?>(a.Count + b.Count);
                list.AddRange(a);
                list.AddRange(b);
                return list;
            case (IReadOnlyDictionary<string, object?> a, IReadOnlyDictionary<string, object?> b):
                var map = new OrderedMap(a.Count + b.Count);
                foreach (var (k, v) in a)
                {
                    map.Set(k, v);
                }

                foreach (var (k, v) in b)
                {
                    map.Set(k, v);
                }

                return map;
            default:
                throw new JqRuntimeException($"{JqValues.Describe(l)} and {JqValues.Describe(r)} cannot be added");
        }
    }

    private static object? Subtract(object? l, object? r)
    {
        switch (l, r)
        {
            case (long a, long b) when Exact(a) && Exact(b):
                return a - b;
            case (long or double, long or double):
                return JqValues.Number(JqValues.ToDouble(l) - JqValues.ToDouble(r));
            case (IReadOnlyList<object?> a, IReadOnlyList<object?> b):
                return a.Where(x => !b.Any(y => JqValues.Equal(x, y))).ToList();
            default:
                throw new JqRuntimeException($"{JqValues.Describe(l)} and {JqValues.Describe(r)} cannot be subtracted");
        }
    }

    private static object? Multiply(object? l, object? r, int maxString)
    {
        switch (l, r)
        {
            case (long a, long b) when Exact(a) && Exact(b) && Math.Abs((double)a * b) < ExactLimit:
                return a * b;
            case (long or double, long or double):
                return JqValues.Number(JqValues.ToDouble(l) * JqValues.ToDouble(r));
            case (string s, long or double):
                return Repeat(s, JqValues.ToDouble(r), maxString);
            case (long or double, string s):
                return Repeat(s, JqValues.ToDouble(l), maxString);
            case (IReadOnlyDictionary<string, object?> a, IReadOnlyDictionary<string, object?> b):
                return DeepMerge(a, b);
            default:
                throw new JqRuntimeException($"{JqValues.Describe(l)} and {JqValues.Describe(r)} cannot be multiplied");
        }
    }

    private static string? Repeat(string s, double n, int maxString)
    {
        if (double.IsNaN(n) || n < 0)
        {
            return null;
        }

        var count = n < 1 ? 0 : (int)Math.Min(Math.Floor(n), int.MaxValue);
        if ((double)count * s.Length > maxString)
        {
            throw new JqRuntimeException($"string longer than {maxString} characters", true);
        }

        return new StringBuilder(s.Length * count).Insert(0, s, count).ToString();
    }

    private static OrderedMap DeepMerge(IReadOnlyDictionary<string, object?> a, IReadOnlyDictionary<string, object?> b)
    {
        var map = new OrderedMap(a.Count + b.Count);
        foreach (var (k, v) in a)
        {
            map.Set(k, v);
        }

        foreach (var (k, v) in b)
        {
            map.Set(k, map.TryGetValue(k, out var existing) &&
                       existing is IReadOnlyDictionary<string, object?> ea && v is IReadOnlyDictionary<string, object?> eb
                ? DeepMerge(ea, eb)
                : v);
        }

        return map;
    }

    private static object? Divide(object? l, object? r)
    {
        switch (l, r)
        {
            case (long or double, long or double):
                var d = JqValues.ToDouble(r);
                if (d == 0 && JqValues.ToDouble(l) == 0)
                {
                    return double.NaN;
                }

                if (d == 0)
                {
                    throw new JqRuntimeException($"{JqValues.Describe(l)} and {JqValues.Describe(r)} cannot be divided because the divisor is zero");
                }

                if (l is long a && r is long b && Exact(a) && Exact(b) && a % b == 0)
                {
                    return a / b;
                }

                return JqValues.Number(JqValues.ToDouble(l) / d);
            case (string s, string sep):
                return Split(s, sep);
            default:
                throw new JqRuntimeException($"{JqValues.Describe(l)} and {JqValues.Describe(r)} cannot be divided");
        }
    }

    public static List<object?> Split(string s, string sep)
    {
        if (s.Length == 0)
        {
            return [];
        }

        if (sep.Length == 0)
        {
            return Codepoints(s).Select(cp => (object?)char.ConvertFromUtf32(cp is >= 0xD800 and <= 0xDFFF ? 0xFFFD : cp)).ToList();
        }

        return s.Split(sep).Select(p => (object?)p).ToList();
    }

    private static long ToIntMax(double d) =>
        double.IsNaN(d) ? 0 : d >= 9.2233720368547758e18 ? long.MaxValue : d <= -9.2233720368547758e18 ? long.MinValue : (long)d;

    private static object? Modulo(object? l, object? r)
    {
        if (l is not (long or double) || r is not (long or double))
        {
            throw new JqRuntimeException($"{JqValues.Describe(l)} and {JqValues.Describe(r)} cannot be divided");
        }

        var dl = JqValues.ToDouble(l);
        var dr = JqValues.ToDouble(r);
        if (double.IsNaN(dl) || double.IsNaN(dr))
        {
            return double.NaN;
        }

        var a = l is long la ? la : ToIntMax(dl);
        var b = r is long lb ? lb : ToIntMax(dr);
        if (b == 0)
        {
            throw new JqRuntimeException($"{JqValues.Describe(l)} and {JqValues.Describe(r)} cannot be divided (remainder) because the divisor is zero");
        }

        if (b == -1)
        {
            return 0L;
        }

        return Math.Abs(a % b) * (a < 0 ? -1 : 1);
    }
}

using System.Globalization;

namespace Serverless.Engine.Expressions.Jq;

/// <summary>
/// jq's value model on top of the engine's: null, bool, long or double (jq has only IEEE doubles; longs keep
/// integer literals exact until arithmetic needs a double), string, <see cref="List{T}"/> and
/// <see cref="OrderedMap"/>. Values are never mutated once built; updates copy along the changed path.
/// </summary>
internal static class JqValues
{
    /// <summary>Largest integer a double holds exactly; long arithmetic past it goes through doubles as jq's does.</summary>
    private const long ExactLimit = 1L << 53;

    public static string TypeName(object? v) => v switch
    {
        null => "null",
        bool => "boolean",
        long or double => "number",
        string => "string",
        IReadOnlyList<object?> => "array",
        _ => "object",
    };

    public static bool Truthy(object? v) => v is not (null or false);

    public static bool IsNumber(object? v) => v is long or double;

    public static double ToDouble(object? v) => v switch
    {
        long l => l,
        double d => d,
        _ => throw new JqRuntimeException($"{TypeName(v)} ({Dump(v)}) is not a number"),
    };

    /// <summary>A double as jq keeps it: integral values in the exact range become longs again.</summary>
    public static object Number(double d) =>
        d == Math.Floor(d) && Math.Abs(d) < ExactLimit && !(d == 0 && double.IsNegative(d)) ? (long)d : d;

    /// <summary>Deep conversion of an engine value to the jq model (dates become ISO text, unknowns strings).</summary>
    public static object? Import(object? value, int depth = 0)
    {
        if (depth > 10_000)
        {
            throw new JqRuntimeException("input nested too deeply", true);
        }

        value = ValueConverter.Normalize(value);
        switch (value)
        {
            case null or bool or long or string:
                return value;
            case double d:
                return d;
            case Undefined:
                return null;
            case DateTimeOffset dto:
                return ValueText.FormatInstant(dto);
            case IReadOnlyDictionary<string, object?> map:
                var m = new OrderedMap(map.Count);
                foreach (var (k, v) in map)
                {
                    m.Set(k, Import(v, depth + 1));
                }

                return m;
            case IReadOnlyList<object?> list:
                var l = new List<object?>(list.Count);
                foreach (var item in list)
                {
                    l.Add(Import(item, depth + 1));
                }

                return l;
            default:
                return value.ToString();
        }
    }

    /// <summary>
    /// A result as Kestra hands it to Pebble: integral numbers as longs, NaN as null, infinities as the
    /// largest double (jq prints them so).
    /// </summary>
    public static object? Export(object? value) => value switch
    {
        double d when double.IsNaN(d) => null,
        double d when double.IsPositiveInfinity(d) => double.MaxValue,
        double d when double.IsNegativeInfinity(d) => -double.MaxValue,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e17 => (long)d,
        IReadOnlyList<object?> list => list.Select(Export).ToList(),
        IReadOnlyDictionary<string, object?> map => ExportMap(map),
        _ => value,
    };

    private static OrderedMap ExportMap(IReadOnlyDictionary<string, object?> map)
    {
        var m = new OrderedMap(map.Count);
        foreach (var (k, v) in map)
        {
            m.Set(k, Export(v));
        }

        return m;
    }

    /// <summary>jq's value text for error messages: the JSON, cut to 11 characters and "..." past 14.</summary>
    public static string Dump(object? v)
    {
        var s = JqJson.Write(v);
        return s.Length > 14 ? string.Concat(s.AsSpan(0, 11), "...") : s;
    }

    public static string Describe(object? v) => $"{TypeName(v)} ({Dump(v)})";

    private static int TypeOrder(object? v) => v switch
    {
        null => 0,
        false => 1,
        true => 2,
        long or double => 3,
        string => 4,
        IReadOnlyList<object?> => 5,
        _ => 6,
    };

    /// <summary>jq's total order: null &lt; false &lt; true &lt; numbers &lt; strings &lt; arrays &lt; objects.</summary>
    public static int Compare(object? a, object? b)
    {
        var ta = TypeOrder(a);
        var tb = TypeOrder(b);
        if (ta != tb)
        {
            return ta.CompareTo(tb);
        }

        switch (a)
        {
            case long la when b is long lb:
                return la.CompareTo(lb);
            case long or double:
                var da = ToDouble(a);
                var db = ToDouble(b);
                return da < db ? -1 : da > db ? 1 : da == db ? 0 : double.IsNaN(da) ? (double.IsNaN(db) ? 0 : -1) : 1;
            case string sa:
                return Math.Sign(CompareStrings(sa, (string)b!));
            case IReadOnlyList<object?> xa:
                var xb = (IReadOnlyList<object?>)b!;
                for (var i = 0; i < xa.Count && i < xb.Count; i++)
                {
                    var c = Compare(xa[i], xb[i]);
                    if (c != 0)
                    {
                        return c;
                    }
                }

                return xa.Count.CompareTo(xb.Count);
            case IReadOnlyDictionary<string, object?> ma:
                var mb = (IReadOnlyDictionary<string, object?>)b!;
                var ka = SortedKeys(ma);
                var kb = SortedKeys(mb);
                for (var i = 0; i < ka.Count && i < kb.Count; i++)
                {
                    var c = CompareStrings(ka[i], kb[i]);
                    if (c != 0)
                    {
                        return Math.Sign(c);
                    }
                }

                if (ka.Count != kb.Count)
                {
                    return ka.Count.CompareTo(kb.Count);
                }

                foreach (var k in ka)
                {
                    var c = Compare(ma[k], mb[k]);
                    if (c != 0)
                    {
                        return c;
                    }
                }

                return 0;
            default:
                return 0;
        }
    }

    /// <summary>Codepoint order (jq compares UTF-8 bytes, which sort as codepoints).</summary>
    public static int CompareStrings(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                var sa = char.IsSurrogate(a[i]);
                var sb = char.IsSurrogate(b[i]);
                return sa == sb ? a[i].CompareTo(b[i]) : sa ? 1 : -1;
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    public static List<string> SortedKeys(IReadOnlyDictionary<string, object?> map)
    {
        var keys = map.Keys.ToList();
        keys.Sort(CompareStrings);
        return keys;
    }

    public static bool Equal(object? a, object? b) => Compare(a, b) == 0 && (a is not double da || !double.IsNaN(da));

    public static OrderedMap MapOf(IEnumerable<KeyValuePair<string, object?>> entries)
    {
        var m = new OrderedMap();
        foreach (var (k, v) in entries)
        {
            m.Set(k, v);
        }

        return m;
    }

    public static string FormatNumber(object? n)
    {
        if (n is long l)
        {
            return l.ToString(CultureInfo.InvariantCulture);
        }

        var d = (double)n!;
        if (double.IsNaN(d))
        {
            return "null";
        }

        if (double.IsInfinity(d))
        {
            d = d > 0 ? double.MaxValue : -double.MaxValue;
        }

        // jq prints the shortest round-trip digits, in fixed notation unless the decimal point would sit
        // 4+ places before the first digit or more than 15 places past the last one (jvp_dtoa_fmt).
        var r = Math.Abs(d).ToString("E16", CultureInfo.InvariantCulture);
        var shortest = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        var e = shortest.IndexOf('E', StringComparison.Ordinal);
        var digits = (e < 0 ? shortest : shortest[..e]).Replace(".", string.Empty, StringComparison.Ordinal).TrimStart('0');
        var exponent = int.Parse(r[(r.IndexOf('E', StringComparison.Ordinal) + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            return "0";
        }

        var decpt = exponent + 1;
        var sign = d < 0 ? "-" : string.Empty;
        if (decpt <= -4 || decpt > digits.Length + 15)
        {
            var mantissa = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
            return string.Create(CultureInfo.InvariantCulture, $"{sign}{mantissa}e{(decpt - 1 < 0 ? '-' : '+')}{Math.Abs(decpt - 1):00}");
        }

        if (decpt <= 0)
        {
            return sign + "0." + new string('0', -decpt) + digits;
        }

        return decpt >= digits.Length
            ? sign + digits + new string('0', decpt - digits.Length)
            : sign + digits[..decpt] + "." + digits[decpt..];
    }
}

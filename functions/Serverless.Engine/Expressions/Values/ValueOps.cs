using System.Globalization;

namespace Serverless.Engine.Expressions;

/// <summary>Truthiness, emptiness, equality and ordering shared by operators, tests and filters.</summary>
internal static class ValueOps
{
    /// <summary>False for null, false, 0, "" and empty collections (and undefined); true otherwise.</summary>
    public static bool IsTruthy(object? value) => ValueConverter.Normalize(value) switch
    {
        null or Undefined => false,
        bool b => b,
        long l => l != 0,
        double d => d != 0 && !double.IsNaN(d),
        string s => s.Length > 0,
        IReadOnlyList<object?> list => list.Count > 0,
        IReadOnlyDictionary<string, object?> map => map.Count > 0,
        _ => true,
    };

    /// <summary>Pebble's <c>empty</c> test: null, blank string, empty collection.</summary>
    public static bool IsEmpty(object? value) => ValueConverter.Normalize(value) switch
    {
        null or Undefined => true,
        string s => string.IsNullOrWhiteSpace(s),
        IReadOnlyList<object?> list => list.Count == 0,
        IReadOnlyDictionary<string, object?> map => map.Count == 0,
        _ => false,
    };

    public static bool IsNumber(object? value) => value is long or double;

    public static double ToDouble(object? value) => value switch
    {
        long l => l,
        double d => d,
        bool b => b ? 1 : 0,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw new ExpressionException($"'{ValueText.ToText(value)}' is not a number"),
    };

    /// <summary>Value equality: numbers across long/double, strings by value, collections deeply.</summary>
    public static bool AreEqual(object? a, object? b)
    {
        a = ValueConverter.Normalize(a);
        b = ValueConverter.Normalize(b);
        if (a is Undefined)
        {
            a = null;
        }

        if (b is Undefined)
        {
            b = null;
        }

        switch (a, b)
        {
            case (null, null):
                return true;
            case (null, _) or (_, null):
                return false;
            case (long x, long y):
                return x == y;
            case (long or double, long or double):
                return ToDouble(a) == ToDouble(b);
            case (string x, string y):
                return string.Equals(x, y, StringComparison.Ordinal);
            case (bool x, bool y):
                return x == y;
            case (DateTimeOffset x, DateTimeOffset y):
                return x == y;
            case (IReadOnlyList<object?> x, IReadOnlyList<object?> y):
                return x.Count == y.Count && x.Zip(y).All(p => AreEqual(p.First, p.Second));
            case (IReadOnlyDictionary<string, object?> x, IReadOnlyDictionary<string, object?> y):
                return x.Count == y.Count && x.All(kv => y.TryGetValue(kv.Key, out var other) && AreEqual(kv.Value, other));
            default:
                return false;
        }
    }

    /// <summary>Ordering for &lt; &gt; and sort: numbers, strings (ordinal), dates, booleans.</summary>
    public static int Compare(object? a, object? b)
    {
        a = ValueConverter.Normalize(a);
        b = ValueConverter.Normalize(b);
        return (a, b) switch
        {
            (long x, long y) => x.CompareTo(y),
            (long or double, long or double) => ToDouble(a).CompareTo(ToDouble(b)),
            (string x, string y) => string.CompareOrdinal(x, y),
            (DateTimeOffset x, DateTimeOffset y) => x.CompareTo(y),
            (DateTimeOffset x, string y) when DateTimeOffset.TryParse(y, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var yd) => x.CompareTo(yd),
            (string x, DateTimeOffset y) when DateTimeOffset.TryParse(x, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var xd) => xd.CompareTo(y),
            (bool x, bool y) => x.CompareTo(y),
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            (string x, long or double) when double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out var xn) => xn.CompareTo(ToDouble(b)),
            (long or double, string y) when double.TryParse(y, NumberStyles.Float, CultureInfo.InvariantCulture, out var yn) => ToDouble(a).CompareTo(yn),
            _ => throw new ExpressionException($"cannot compare '{ValueText.ToText(a)}' with '{ValueText.ToText(b)}'"),
        };
    }

    /// <summary>Pebble's <c>contains</c>: element of a list, key of a map, substring of a string.</summary>
    public static bool Contains(object? container, object? item)
    {
        container = ValueConverter.Normalize(container);
        item = ValueConverter.Normalize(item);
        return container switch
        {
            null or Undefined => false,
            string s => item is not null && s.Contains(ValueText.ToText(item), StringComparison.Ordinal),
            IReadOnlyDictionary<string, object?> map => item is IReadOnlyList<object?> keys
                ? keys.All(k => map.ContainsKey(ValueText.ToText(k)))
                : map.ContainsKey(ValueText.ToText(item)),
            IReadOnlyList<object?> list => item is IReadOnlyList<object?> many
                ? many.All(m => list.Any(e => AreEqual(e, m)))
                : list.Any(e => AreEqual(e, item)),
            _ => throw new ExpressionException($"'{ValueText.ToText(container)}' is not a list, map or string"),
        };
    }

    /// <summary>A short name of the value's type for error messages.</summary>
    public static string TypeName(object? value) => ValueConverter.Normalize(value) switch
    {
        null => "null",
        Undefined => "undefined",
        bool => "boolean",
        long => "integer",
        double => "number",
        string => "string",
        DateTimeOffset => "date",
        IReadOnlyList<object?> => "list",
        IReadOnlyDictionary<string, object?> => "map",
        _ => "object",
    };
}

/// <summary>
/// Marker for "no such variable or key", distinct from null. Only produced where the language tolerates
/// undefined values (<c>??</c>, <c>???</c>, <c>is defined</c>, <c>default</c>); it never leaks out of a render.
/// </summary>
internal sealed class Undefined
{
    public static readonly Undefined Instance = new();

    private Undefined()
    {
    }
}

using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace Serverless.Engine.Expressions;

/// <summary>
/// Brings any CLR value into the expression value model: null, bool, long, double, string, DateTimeOffset,
/// lists and string-keyed maps. Hosts hand us ints, decimals, JsonElements and typed dictionaries; the
/// evaluator only ever sees normalised values, which keeps every operator and filter simple.
/// </summary>
public static class ValueConverter
{
    /// <summary>Shallow normalisation: scalars converted, collections exposed as list/map (elements on access).</summary>
    public static object? Normalize(object? value) => value switch
    {
        null or bool or long or double or string or DateTimeOffset or Undefined => value,
        IReadOnlyDictionary<string, object?> or IReadOnlyList<object?> => value,
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        sbyte sb => (long)sb,
        uint ui => (long)ui,
        ushort us => (long)us,
        ulong ul => ul <= long.MaxValue ? (object)(long)ul : (double)ul,
        float f => (double)f,
        decimal m => m == decimal.Truncate(m) && m >= long.MinValue && m <= long.MaxValue ? (object)(long)m : (double)m,
        char c => c.ToString(),
        DateTime dt => dt.Kind == DateTimeKind.Unspecified
            ? new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc))
            : new DateTimeOffset(dt.ToUniversalTime()),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeSpan ts => ts.ToString("c", CultureInfo.InvariantCulture),
        JsonElement e => FromJson(e),
        Enum en => en.ToString(),
        Guid g => g.ToString(),
        IDictionary dict => FromDictionary(dict),
        IEnumerable seq => FromSequence(seq),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>Deep conversion of a JSON element to plain values (objects keep their order).</summary>
    public static object? FromJson(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var map = new OrderedMap();
                foreach (var property in element.EnumerateObject())
                {
                    map.Set(property.Name, FromJson(property.Value));
                }

                return map;
            case JsonValueKind.Array:
                var list = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(FromJson(item));
                }

                return list;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return element.TryGetInt64(out var l) ? (object)l : element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }

    /// <summary>Parses JSON text into plain values; throws <see cref="ExpressionException"/> on bad JSON.</summary>
    public static object? ParseJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 256 });
            return FromJson(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new ExpressionException($"invalid JSON: {ex.Message}");
        }
    }

    /// <summary>The value as a map, or null when it is not one.</summary>
    public static IReadOnlyDictionary<string, object?>? AsMap(object? value) =>
        Normalize(value) as IReadOnlyDictionary<string, object?>;

    /// <summary>The value as a list, or null when it is not one (strings are not lists).</summary>
    public static IReadOnlyList<object?>? AsList(object? value) => Normalize(value) as IReadOnlyList<object?>;

    private static OrderedMap FromDictionary(IDictionary dict)
    {
        var map = new OrderedMap(dict.Count);
        foreach (DictionaryEntry entry in dict)
        {
            map.Set(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty, entry.Value);
        }

        return map;
    }

    private static List<object?> FromSequence(IEnumerable seq)
    {
        var list = new List<object?>();
        foreach (var item in seq)
        {
            list.Add(item);
        }

        return list;
    }
}

using System.Globalization;

namespace Serverless.Engine.Expressions;

/// <summary>
/// Arguments of a function or filter call, Pebble style: positional values and/or <c>name=value</c> pairs.
/// A parameter may be passed either way, hence <see cref="Get(int, string)"/>.
/// </summary>
public sealed class FunctionArguments
{
    private static readonly IReadOnlyDictionary<string, object?> NoNamed = new Dictionary<string, object?>();

    public FunctionArguments(IReadOnlyList<object?> positional, IReadOnlyDictionary<string, object?>? named = null)
    {
        Positional = positional;
        Named = named ?? NoNamed;
    }

    /// <summary>No arguments at all.</summary>
    public static FunctionArguments Empty { get; } = new([]);

    public IReadOnlyList<object?> Positional { get; }

    public IReadOnlyDictionary<string, object?> Named { get; }

    /// <summary>Number of arguments, positional and named.</summary>
    public int Count => Positional.Count + Named.Count;

    /// <summary>True when the parameter was passed by name or at its position.</summary>
    public bool Has(int index, string name) => Named.ContainsKey(name) || index < Positional.Count;

    /// <summary>The named argument if present, else the positional one at <paramref name="index"/>, else null.</summary>
    public object? Get(int index, string name)
    {
        if (Named.TryGetValue(name, out var value))
        {
            return value;
        }

        return index >= 0 && index < Positional.Count ? Positional[index] : null;
    }

    /// <summary>The argument rendered as text, or <paramref name="fallback"/> when absent or null.</summary>
    public string? GetString(int index, string name, string? fallback = null)
    {
        var value = Get(index, name);
        return value is null ? fallback : ExpressionEngine.ToText(value);
    }

    /// <summary>The argument as an integer, or <paramref name="fallback"/> when absent or null.</summary>
    public long GetLong(int index, string name, long fallback = 0)
    {
        var value = Get(index, name);
        return value switch
        {
            null => fallback,
            long l => l,
            double d => (long)d,
            bool b => b ? 1 : 0,
            string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => throw new ExpressionException($"argument '{name}' must be a number, got '{ExpressionEngine.ToText(value)}'"),
        };
    }

    /// <summary>The argument as a boolean: true, "true" or a non-zero number.</summary>
    public bool GetBool(int index, string name, bool fallback = false)
    {
        var value = Get(index, name);
        return value switch
        {
            null => fallback,
            bool b => b,
            string s => string.Equals(s, "true", StringComparison.OrdinalIgnoreCase),
            long l => l != 0,
            _ => fallback,
        };
    }
}

using Serverless.Engine.Contracts;
using Serverless.Engine.Expressions;

namespace Serverless.Engine.Tasks.Scripts;

/// <summary>Reads rendered property values into the shapes tasks need, with messages that name the property.</summary>
internal static class RenderedValues
{
    /// <summary>A list of strings; a single string is a one-item list; a JSON array text is parsed.</summary>
    public static IReadOnlyList<string> StringList(object? value, string property) => value switch
    {
        null => [],
        string text when text.TrimStart().StartsWith('[') && TryParseJson(text) is IReadOnlyList<object?> parsed => [.. parsed.Select(ExpressionEngine.ToText)],
        string text => [text],
        IReadOnlyList<object?> list => [.. list.Select(ExpressionEngine.ToText)],
        _ => throw new ArgumentException($"'{property}' must be a list of strings."),
    };

    /// <summary>A map of string values; a JSON object text is parsed (an expression may produce one).</summary>
    public static IReadOnlyDictionary<string, object?> Map(object? value, string property) => value switch
    {
        null => new Dictionary<string, object?>(),
        IReadOnlyDictionary<string, object?> map => map,
        string text when TryParseJson(text) is IReadOnlyDictionary<string, object?> parsed => parsed,
        _ => throw new ArgumentException($"'{property}' must be a map."),
    };

    public static IReadOnlyDictionary<string, string> StringMap(object? value, string property) =>
        Map(value, property).ToDictionary(e => e.Key, e => ExpressionEngine.ToText(e.Value), StringComparer.Ordinal);

    private static object? TryParseJson(string text)
    {
        try
        {
            return PlainValues.ParseJson(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}

using Serverless.Engine.Expressions;

namespace Serverless.Engine.Tasks;

/// <summary>Renders expressions found anywhere in a plain value (strings in lists and maps, map keys too).</summary>
public static class ValueRenderer
{
    /// <summary>
    /// A copy of <paramref name="raw"/> with every string rendered. A string that is exactly one
    /// <c>{{ expression }}</c> keeps the expression's type (a list stays a list).
    /// </summary>
    public static object? Render(object? raw, ExpressionScope scope) => raw switch
    {
        string text when ExpressionEngine.ContainsTemplate(text) => ExpressionEngine.Shared.RenderTyped(text, scope),
        IReadOnlyDictionary<string, object?> map => RenderMap(map, scope),
        IReadOnlyList<object?> list => list.Select(item => Render(item, scope)).ToList(),
        _ => raw,
    };

    private static Dictionary<string, object?> RenderMap(IReadOnlyDictionary<string, object?> map, ExpressionScope scope)
    {
        var rendered = new Dictionary<string, object?>(map.Count, StringComparer.Ordinal);
        foreach (var (key, value) in map)
        {
            var renderedKey = ExpressionEngine.ContainsTemplate(key) ? ExpressionEngine.Shared.Render(key, scope) : key;
            rendered[renderedKey] = Render(value, scope);
        }

        return rendered;
    }
}

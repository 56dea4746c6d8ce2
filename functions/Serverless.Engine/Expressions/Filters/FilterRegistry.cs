using System.Diagnostics.CodeAnalysis;

namespace Serverless.Engine.Expressions;

/// <summary>A built-in filter: <c>input | name(args)</c>. Inputs and results use the expression value model.</summary>
internal delegate object? FilterFunction(object? input, FunctionArguments args, Evaluator evaluator);

/// <summary>The built-in filters, registered by family (strings, collections, dates, encodings, JSON).</summary>
internal static partial class FilterRegistry
{
    private static readonly Dictionary<string, FilterFunction> Filters = Build();

    public static IEnumerable<string> Names => Filters.Keys;

    public static bool TryGet(string name, [NotNullWhen(true)] out FilterFunction? filter) => Filters.TryGetValue(name, out filter);

    private static Dictionary<string, FilterFunction> Build()
    {
        var filters = new Dictionary<string, FilterFunction>(StringComparer.Ordinal);
        RegisterStrings(filters);
        RegisterCollections(filters);
        RegisterDates(filters);
        RegisterEncodings(filters);
        return filters;
    }

    private static string Text(object? input) => ValueText.ToText(input);

    private static IReadOnlyList<object?> RequireList(object? input, string filter) => input switch
    {
        IReadOnlyList<object?> list => list,
        IReadOnlyDictionary<string, object?> map => map.Values.ToList(),
        string s => s.Select(object? (c) => c.ToString()).ToList(),
        null => [],
        _ => throw new ExpressionException($"'{filter}' expects a list, got a {ValueOps.TypeName(input)}"),
    };

    private static IReadOnlyDictionary<string, object?> RequireMap(object? input, string filter) =>
        input as IReadOnlyDictionary<string, object?>
        ?? throw new ExpressionException($"'{filter}' expects a map, got a {ValueOps.TypeName(input)}");
}

namespace Serverless.Engine.Parsing;

/// <summary>
/// Untrusted YAML read as plain values (maps, lists, scalars) under the flow parser's nesting and size
/// limits, for callers that need a document's fields without parsing it as a flow (the API's flow views).
/// </summary>
public static class PlainYaml
{
    /// <summary>The first document's top-level map; empty when the text is not a map or does not parse.</summary>
    public static IReadOnlyDictionary<string, object?> ReadMap(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            var stream = YamlLoader.Load(source);
            return stream.Documents.Count > 0 && YamlValues.ToPlain(stream.Documents[0].RootNode, new ConversionBudget()) is IReadOnlyDictionary<string, object?> map
                ? map
                : new Dictionary<string, object?>();
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or YamlBudgetException)
        {
            return new Dictionary<string, object?>();
        }
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Serverless.Engine.Flows;
using YamlDotNet.RepresentationModel;

namespace Serverless.Engine.Parsing;

/// <summary>
/// Converts YAML nodes to the engine's plain values, resolving plain scalars as YAML's core schema does
/// (null, booleans, integers, floats) and quoted scalars as strings. Conversion is budgeted, so an alias bomb
/// or absurd nesting becomes an error instead of exhausting memory.
/// </summary>
internal static partial class YamlValues
{
    /// <summary>Most nodes one flow may expand to, aliases included.</summary>
    public const int MaxNodes = 200_000;

    /// <summary>Deepest nesting accepted.</summary>
    public const int MaxDepth = 64;

    public static SourcePosition PositionOf(YamlNode node) =>
        new((int)Math.Max(1, node.Start.Line), (int)Math.Max(1, node.Start.Column));

    /// <summary>The plain value of <paramref name="node"/>; throws <see cref="YamlBudgetException"/> past the limits.</summary>
    public static object? ToPlain(YamlNode node, ConversionBudget budget, int depth = 0)
    {
        budget.Spend(node, depth);
        switch (node)
        {
            case YamlScalarNode scalar:
                return Scalar(scalar);
            case YamlSequenceNode sequence:
                return sequence.Children.Select(child => ToPlain(child, budget, depth + 1)).ToList();
            case YamlMappingNode mapping:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (key, value) in mapping.Children)
                {
                    map[KeyText(key)] = ToPlain(value, budget, depth + 1);
                }

                return map;
            default:
                return null;
        }
    }

    /// <summary>The text of a mapping key (non-scalar keys are rendered as their YAML position).</summary>
    public static string KeyText(YamlNode key) => key is YamlScalarNode scalar ? scalar.Value ?? "" : key.ToString();

    /// <summary>A scalar resolved by the core schema when plain, as a string when quoted or literal.</summary>
    public static object? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not YamlDotNet.Core.ScalarStyle.Plain)
        {
            return text;
        }

        if (text.Length == 0 || text is "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE")
        {
            return true;
        }

        if (text is "false" or "False" or "FALSE")
        {
            return false;
        }

        if (IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }

        if (FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        return text;
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}

/// <summary>How many nodes a conversion may still visit.</summary>
internal sealed class ConversionBudget
{
    private int _remaining = YamlValues.MaxNodes;

    public void Spend(YamlNode node, int depth)
    {
        if (depth > YamlValues.MaxDepth)
        {
            throw new YamlBudgetException(node, $"nesting deeper than {YamlValues.MaxDepth} levels");
        }

        if (--_remaining < 0)
        {
            throw new YamlBudgetException(node, $"the document expands to more than {YamlValues.MaxNodes} values (aliases included)");
        }
    }
}

/// <summary>A document over the parser's size or depth limits.</summary>
internal sealed class YamlBudgetException(YamlNode node, string message) : Exception(message)
{
    public SourcePosition Position { get; } = YamlValues.PositionOf(node);
}

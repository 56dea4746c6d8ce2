using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Serverless.Engine.Expressions;

/// <summary>Block-style YAML for the <c>yaml</c> filter: plain scalars where safe, JSON-quoted otherwise.</summary>
internal static partial class YamlText
{
    [GeneratedRegex(@"^[A-Za-z_/][A-Za-z0-9_ ./\-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainScalar();

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "null", "yes", "no", "on", "off", "~",
    };

    public static string Write(object? value)
    {
        var sb = new StringBuilder();
        WriteNode(sb, ValueConverter.Normalize(value), 0, 0);
        if (sb.Length == 0 || sb[^1] != '\n')
        {
            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static void WriteNode(StringBuilder sb, object? value, int indent, int depth)
    {
        if (depth > 256)
        {
            throw new ExpressionException("value nested too deeply to write as YAML");
        }

        switch (value)
        {
            case IReadOnlyDictionary<string, object?> { Count: > 0 } map:
                foreach (var (key, item) in map)
                {
                    sb.Append(' ', indent).Append(Scalar(key)).Append(':');
                    WriteChild(sb, ValueConverter.Normalize(item), indent + 2, depth);
                }

                break;
            case IReadOnlyList<object?> { Count: > 0 } list:
                foreach (var item in list)
                {
                    sb.Append(' ', indent).Append('-');
                    WriteChild(sb, ValueConverter.Normalize(item), indent + 2, depth);
                }

                break;
            default:
                sb.Append(' ', indent).Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static void WriteChild(StringBuilder sb, object? item, int indent, int depth)
    {
        if (item is IReadOnlyDictionary<string, object?> { Count: > 0 } or IReadOnlyList<object?> { Count: > 0 })
        {
            sb.Append('\n');
            WriteNode(sb, item, indent, depth + 1);
        }
        else
        {
            sb.Append(' ').Append(Scalar(item)).Append('\n');
        }
    }

    private static string Scalar(object? value) => value switch
    {
        null => "null",
        string s => PlainScalar().IsMatch(s) && !Reserved.Contains(s) && !s.EndsWith(' ') ? s : JsonText.Write(s),
        IReadOnlyDictionary<string, object?> => "{}",
        IReadOnlyList<object?> => "[]",
        DateTimeOffset dto => ValueText.FormatInstant(dto),
        double d => ValueText.FormatDouble(d),
        long l => l.ToString(CultureInfo.InvariantCulture),
        _ => ValueText.ToText(value),
    };
}

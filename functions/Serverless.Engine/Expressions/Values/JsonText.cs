using System.Globalization;
using System.Text;

namespace Serverless.Engine.Expressions;

/// <summary>
/// Compact JSON the way Kestra's Jackson mapper writes it (<c>{"a":1,"b":[true,null]}</c>): no spaces,
/// non-ASCII kept, doubles in Java notation, dates as ISO instants.
/// </summary>
internal static class JsonText
{
    public static string Write(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value, 0);
        return sb.ToString();
    }

    public static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    private static void Write(StringBuilder sb, object? value, int depth)
    {
        if (depth > 512)
        {
            throw new ExpressionException("value nested too deeply to write as JSON");
        }

        ValueText.EnsureStack();
        value = ValueConverter.Normalize(value);
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case string s:
                WriteString(sb, s);
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case long l:
                sb.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                sb.Append(double.IsFinite(d) ? ValueText.FormatDouble(d) : "\"" + ValueText.FormatDouble(d) + "\"");
                break;
            case DateTimeOffset dto:
                WriteString(sb, ValueText.FormatInstant(dto));
                break;
            case IReadOnlyDictionary<string, object?> map:
                sb.Append('{');
                var first = true;
                foreach (var (key, item) in map)
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }

                    first = false;
                    WriteString(sb, key);
                    sb.Append(':');
                    Write(sb, item, depth + 1);
                }

                sb.Append('}');
                break;
            case IReadOnlyList<object?> list:
                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    Write(sb, list[i], depth + 1);
                }

                sb.Append(']');
                break;
            default:
                WriteString(sb, value.ToString() ?? string.Empty);
                break;
        }
    }
}

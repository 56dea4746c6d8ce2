using System.Text;

namespace Serverless.Engine.Expressions.Jq;

internal static partial class JqBuiltins
{
    private static void RegisterStrings(Dictionary<string, JqNative> n)
    {
        n["startswith/1"] = V1((v, p) => v is string s && p is string x
            ? s.StartsWith(x, StringComparison.Ordinal)
            : throw new JqRuntimeException("startswith() requires string inputs"));
        n["endswith/1"] = V1((v, p) => v is string s && p is string x
            ? s.EndsWith(x, StringComparison.Ordinal)
            : throw new JqRuntimeException("endswith() requires string inputs"));
        n["ascii_downcase/0"] = V0(v => Ascii(Str(v, "cannot be lowercased"), false));
        n["ascii_upcase/0"] = V0(v => Ascii(Str(v, "cannot be uppercased"), true));
        n["explode/0"] = V0(v => JqOps.Codepoints(Str(v, "cannot be exploded")).Select(c => (object?)(long)c).ToList());
        n["implode/0"] = V0(Implode);
        n["split/1"] = V1((v, sep) => v is string s && sep is string x
            ? JqOps.Split(s, x)
            : throw new JqRuntimeException("split input and separator must be strings"));
        n["trim/0"] = V0(v => Str(v, "trim input must be a string").Trim(JsonWhitespace));
        n["ltrim/0"] = V0(v => Str(v, "trim input must be a string").TrimStart(JsonWhitespace));
        n["rtrim/0"] = V0(v => Str(v, "trim input must be a string").TrimEnd(JsonWhitespace));
        n["join/1"] = V1(Join);
        n["ascii/0"] = V0(v => ((char)(long)Num(v)).ToString());
    }

    private static readonly char[] JsonWhitespace = [' ', '\t', '\n', '\r', '\f', '\v'];

    private static string Ascii(string s, bool upper)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = upper ? (chars[i] is >= 'a' and <= 'z' ? (char)(chars[i] - 32) : chars[i])
                : (chars[i] is >= 'A' and <= 'Z' ? (char)(chars[i] + 32) : chars[i]);
        }

        return new string(chars);
    }

    private static string Implode(object? v)
    {
        if (v is not IReadOnlyList<object?> list)
        {
            throw new JqRuntimeException("implode input must be an array");
        }

        var sb = new StringBuilder();
        foreach (var item in list)
        {
            if (item is not (long or double) || (item is double d && double.IsNaN(d)))
            {
                throw new JqRuntimeException($"{JqValues.Describe(item)} can't be imploded, unicode codepoint needs to be numeric");
            }

            var cp = JqValues.ToDouble(item);
            var code = cp is < 0 or > 0x10FFFF ? 0xFFFD : (int)cp;
            sb.Append(code is >= 0xD800 and <= 0xDFFF ? "\uFFFD" : char.ConvertFromUtf32(code));
        }

        return sb.ToString();
    }

    /// <summary>jq 1.7's join: null as "", numbers and booleans as JSON, anything else must be a string.</summary>
    private static object? Join(object? v, object? sep)
    {
        IEnumerable<object?> items = v switch
        {
            IReadOnlyList<object?> l => l,
            IReadOnlyDictionary<string, object?> m => m.Values,
            _ => throw new JqRuntimeException($"Cannot iterate over {JqValues.Describe(v)}"),
        };
        object? result = null;
        foreach (var item in items)
        {
            var acc = result is null ? string.Empty : JqOps.Add(result, sep);
            var text = item switch
            {
                null => string.Empty,
                bool or long or double => JqJson.Write(item),
                _ => item,
            };
            result = JqOps.Add(acc, text);
        }

        return result ?? string.Empty;
    }
}

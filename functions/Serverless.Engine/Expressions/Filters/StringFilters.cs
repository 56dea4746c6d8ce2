using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Serverless.Engine.Expressions;

internal static partial class FilterRegistry
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private static void RegisterStrings(Dictionary<string, FilterFunction> f)
    {
        f["upper"] = (input, _, _) => Text(input).ToUpperInvariant();
        f["lower"] = (input, _, _) => Text(input).ToLowerInvariant();
        f["trim"] = (input, _, _) => Text(input).Trim();
        f["capitalize"] = (input, _, _) => Capitalize(Text(input));
        f["title"] = (input, _, _) => Title(Text(input));
        f["replace"] = Replace;
        f["split"] = Split;
        f["startsWith"] = (input, args, _) => Text(input).StartsWith(args.GetString(0, "value", string.Empty)!, StringComparison.Ordinal);
        f["endsWith"] = (input, args, _) => Text(input).EndsWith(args.GetString(0, "value", string.Empty)!, StringComparison.Ordinal);
        f["substringBefore"] = (input, args, _) => Substring(Text(input), args, before: true, last: false);
        f["substringBeforeLast"] = (input, args, _) => Substring(Text(input), args, before: true, last: true);
        f["substringAfter"] = (input, args, _) => Substring(Text(input), args, before: false, last: false);
        f["substringAfterLast"] = (input, args, _) => Substring(Text(input), args, before: false, last: true);
        f["slugify"] = (input, _, _) => Slugify(Text(input));
        f["abbreviate"] = Abbreviate;
        f["indent"] = (input, args, _) => Indent(Text(input), args, includeFirst: false);
        f["nindent"] = (input, args, _) => "\n" + Indent(Text(input), args, includeFirst: true);
        f["number"] = (input, args, _) => ToNumber(input, args.GetString(0, "type"));
        f["string"] = (input, _, _) => Text(input);
        f["escapeChar"] = (input, args, _) => EscapeChar(Text(input), args.GetString(0, "type", "single")!);
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string Title(string s)
    {
        var sb = new StringBuilder(s.Length);
        var start = true;
        foreach (var c in s)
        {
            sb.Append(start ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            start = char.IsWhiteSpace(c) || c is '-' or '(' or '_';
        }

        return sb.ToString();
    }

    private static object? Replace(object? input, FunctionArguments args, Evaluator evaluator)
    {
        var text = Text(input);
        var regexp = args.GetBool(1, "regexp");
        var pairs = args.Get(0, "replace_pairs");
        if (pairs is not IReadOnlyDictionary<string, object?> map)
        {
            if (args.Positional.Count >= 2 && args.Positional[1] is string replacement)
            {
                map = new Dictionary<string, object?> { [Text(pairs)] = replacement };
                regexp = args.GetBool(2, "regexp");
            }
            else
            {
                throw new ExpressionException("'replace' expects a map of search → replacement, e.g. replace({'a': 'b'})");
            }
        }

        foreach (var (search, value) in map)
        {
            text = regexp
                ? Regex.Replace(text, search, Text(value), RegexOptions.CultureInvariant, RegexTimeout)
                : text.Replace(search, Text(value), StringComparison.Ordinal);
            evaluator.CheckLength(text);
        }

        return text;
    }

    private static object? Split(object? input, FunctionArguments args, Evaluator evaluator)
    {
        var text = Text(input);
        var delimiter = args.GetString(0, "delimiter", ",")!;
        var limit = (int)Math.Clamp(args.GetLong(1, "limit", 0), 0, int.MaxValue);
        // The delimiter is literal (Java's regex split surprises with '.' or '|'); like Java, trailing
        // empty strings are dropped when there is no limit.
        var parts = delimiter.Length == 0
            ? text.Select(c => c.ToString()).ToList()
            : (limit > 0 ? text.Split(delimiter, limit) : text.Split(delimiter)).ToList();
        if (limit == 0)
        {
            while (parts.Count > 1 && parts[^1].Length == 0)
            {
                parts.RemoveAt(parts.Count - 1);
            }
        }

        evaluator.CheckSize(parts.Count);
        return parts.Cast<object?>().ToList();
    }

    private static string Substring(string text, FunctionArguments args, bool before, bool last)
    {
        var separator = args.GetString(0, "separator", string.Empty)!;
        if (separator.Length == 0)
        {
            return before ? string.Empty : text;
        }

        var at = last ? text.LastIndexOf(separator, StringComparison.Ordinal) : text.IndexOf(separator, StringComparison.Ordinal);
        if (at < 0)
        {
            return before ? text : string.Empty;
        }

        return before ? text[..at] : text[(at + separator.Length)..];
    }

    private static string Slugify(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        var dash = false;
        foreach (var c in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else if (!dash && sb.Length > 0)
            {
                sb.Append('-');
                dash = true;
            }
        }

        return sb.ToString().TrimEnd('-');
    }

    private static object? Abbreviate(object? input, FunctionArguments args, Evaluator evaluator)
    {
        var text = Text(input);
        var length = args.GetLong(0, "length", text.Length);
        if (text.Length <= length)
        {
            return text;
        }

        return length <= 3 ? text[..(int)Math.Max(0, length)] : text[..(int)(length - 3)] + "...";
    }

    private static string Indent(string text, FunctionArguments args, bool includeFirst)
    {
        var amount = (int)Math.Clamp(args.GetLong(0, "amount", 0), 0, 1000);
        var prefix = args.GetString(1, "prefix", " ")!;
        var pad = string.Concat(Enumerable.Repeat(prefix, amount));
        var lines = text.Split('\n');
        for (var i = includeFirst ? 0 : 1; i < lines.Length; i++)
        {
            lines[i] = pad + lines[i];
        }

        return string.Join('\n', lines);
    }

    private static object? ToNumber(object? input, string? type)
    {
        if (input is long or double && type is null)
        {
            return input;
        }

        var text = Text(input).Trim();
        switch (type?.ToUpperInvariant())
        {
            case "INT" or "INTEGER" or "LONG":
                return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l
                    : (long)ParseDouble(text);
            case "FLOAT" or "DOUBLE" or "BIGDECIMAL":
                return ParseDouble(text);
            case null:
                return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? (object)n : ParseDouble(text);
            default:
                throw new ExpressionException($"unknown number type '{type}' (use INT, LONG, FLOAT, DOUBLE)");
        }
    }

    private static double ParseDouble(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw new ExpressionException($"'{text}' is not a number");

    private static string EscapeChar(string text, string type) => type switch
    {
        "single" => text.Replace("'", "\\'", StringComparison.Ordinal),
        "double" => text.Replace("\"", "\\\"", StringComparison.Ordinal),
        "shell" => text.Replace("'", "'\\''", StringComparison.Ordinal),
        _ => throw new ExpressionException($"unknown escape type '{type}' (use single, double or shell)"),
    };
}

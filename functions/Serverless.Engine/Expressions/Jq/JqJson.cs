using System.Globalization;
using System.Text;

namespace Serverless.Engine.Expressions.Jq;

/// <summary>
/// JSON text the way jq reads and writes it: compact output (<c>tojson</c>, <c>tostring</c>, <c>@json</c>),
/// NaN written as null, and a reader that also takes jq's <c>nan</c>/<c>NaN</c>/<c>Infinity</c> literals.
/// </summary>
internal static class JqJson
{
    public static string Write(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value, 0);
        return sb.ToString();
    }

    public static void Write(StringBuilder sb, object? value, int depth)
    {
        if (depth > 10_000)
        {
            throw new JqRuntimeException("value nested too deeply to write", true);
        }

        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case long or double:
                sb.Append(JqValues.FormatNumber(value));
                break;
            case string s:
                WriteString(sb, s);
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
            case IReadOnlyDictionary<string, object?> map:
                sb.Append('{');
                var first = true;
                foreach (var (k, v) in map)
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }

                    first = false;
                    WriteString(sb, k);
                    sb.Append(':');
                    Write(sb, v, depth + 1);
                }

                sb.Append('}');
                break;
            default:
                WriteString(sb, value.ToString() ?? string.Empty);
                break;
        }
    }

    /// <summary>JSON string escaping is the engine's (the same rules as jq, control characters as <c>\uXXXX</c>).</summary>
    public static void WriteString(StringBuilder sb, string s) => JsonText.WriteString(sb, s);

    /// <summary>
    /// Decodes the escape whose letter is at <paramref name="pos"/> (just after the backslash), as JSON and jq
    /// string literals share them; false when it is not a valid escape.
    /// </summary>
    public static bool AppendEscape(StringBuilder sb, string text, ref int pos)
    {
        var e = text[pos++];
        switch (e)
        {
            case '"' or '\\' or '/': sb.Append(e); return true;
            case 'b': sb.Append('\b'); return true;
            case 'f': sb.Append('\f'); return true;
            case 'n': sb.Append('\n'); return true;
            case 'r': sb.Append('\r'); return true;
            case 't': sb.Append('\t'); return true;
            case 'u':
                if (pos + 4 > text.Length || !int.TryParse(text.AsSpan(pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                {
                    return false;
                }

                pos += 4;
                sb.Append((char)code);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Parses one JSON value (surrounding whitespace allowed); throws <see cref="JqRuntimeException"/>.</summary>
    public static object? Parse(string text)
    {
        var reader = new Reader(text);
        reader.SkipSpace();
        var value = reader.Value(0);
        reader.SkipSpace();
        if (!reader.AtEnd)
        {
            throw reader.Fail("Unexpected extra JSON values");
        }

        return value;
    }

    /// <summary>Parses every whitespace-separated JSON value in the text (jq's input streams).</summary>
    public static List<object?> ParseAll(string text)
    {
        var reader = new Reader(text);
        var values = new List<object?>();
        reader.SkipSpace();
        while (!reader.AtEnd)
        {
            values.Add(reader.Value(0));
            reader.SkipSpace();
        }

        return values;
    }

    private sealed class Reader(string text)
    {
        private int _pos;

        public bool AtEnd => _pos >= text.Length;

        public JqRuntimeException Fail(string reason) =>
            new($"{reason} at line 1, column {_pos + 1} (while parsing '{text}')");

        public void SkipSpace()
        {
            while (_pos < text.Length && (char.IsWhiteSpace(text[_pos]) || text[_pos] == '\uFEFF'))
            {
                _pos++;
            }
        }

        public object? Value(int depth)
        {
            if (depth > 10_000)
            {
                throw Fail("Exceeds depth limit for parsing");
            }

            SkipSpace();
            if (AtEnd)
            {
                throw Fail("Unfinished JSON term");
            }

            var c = text[_pos];
            switch (c)
            {
                case '{':
                    _pos++;
                    var map = new OrderedMap();
                    SkipSpace();
                    if (Peek('}'))
                    {
                        return map;
                    }

                    while (true)
                    {
                        SkipSpace();
                        if (AtEnd || text[_pos] != '"')
                        {
                            throw Fail("Object keys must be strings");
                        }

                        var key = String();
                        SkipSpace();
                        Expect(':');
                        map.Set(key, Value(depth + 1));
                        SkipSpace();
                        if (Peek('}'))
                        {
                            return map;
                        }

                        Expect(',');
                    }

                case '[':
                    _pos++;
                    var list = new List<object?>();
                    SkipSpace();
                    if (Peek(']'))
                    {
                        return list;
                    }

                    while (true)
                    {
                        list.Add(Value(depth + 1));
                        SkipSpace();
                        if (Peek(']'))
                        {
                            return list;
                        }

                        Expect(',');
                    }

                case '"':
                    return String();
                default:
                    return Literal();
            }
        }

        private bool Peek(char c)
        {
            if (_pos < text.Length && text[_pos] == c)
            {
                _pos++;
                return true;
            }

            return false;
        }

        private void Expect(char c)
        {
            if (!Peek(c))
            {
                throw Fail($"Expected '{c}'");
            }
        }

        private object? Literal()
        {
            var start = _pos;
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] is '+' or '-' or '.'))
            {
                _pos++;
            }

            var word = text[start.._pos];
            switch (word)
            {
                case "null": return null;
                case "true": return true;
                case "false": return false;
                case "nan" or "NaN" or "-nan" or "-NaN": return double.NaN;
                case "Infinity" or "infinity": return double.PositiveInfinity;
                case "-Infinity" or "-infinity": return double.NegativeInfinity;
            }

            var number = ParseNumber(word);
            if (number is null)
            {
                _pos = start;
                throw Fail("Invalid literal");
            }

            return number;
        }

        private string String()
        {
            _pos++;
            var sb = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    throw Fail("Unfinished string");
                }

                var c = text[_pos++];
                if (c == '"')
                {
                    return sb.ToString();
                }

                if (c != '\\')
                {
                    sb.Append(c);
                    continue;
                }

                if (AtEnd)
                {
                    throw Fail("Unfinished string");
                }

                if (!AppendEscape(sb, text, ref _pos))
                {
                    throw Fail("Invalid escape");
                }
            }
        }
    }

    /// <summary>A JSON number: a long when integral and in range, else a double; null when not a number.</summary>
    public static object? ParseNumber(string word)
    {
        if (word.Length == 0)
        {
            return null;
        }

        var integral = true;
        foreach (var ch in word)
        {
            if (ch is '.' or 'e' or 'E')
            {
                integral = false;
            }
        }

        if (integral && long.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) && word != "-0")
        {
            return l;
        }

        if (word[0] is '+' || word.EndsWith('.') || word.StartsWith('.') || word.StartsWith("-.", StringComparison.Ordinal))
        {
            return null;
        }

        return double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }
}

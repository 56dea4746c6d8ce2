using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Serverless.Engine.Expressions;

internal sealed partial class Lexer
{
    // Longest first so "???" wins over "??" and "==" over "=".
    private static readonly string[] Operators =
    [
        "???", "??", "..", "==", "!=", "<=", ">=", "+", "-", "*", "/", "%", "<", ">", "~", "?", ":", ".", ",", "|",
        "(", ")", "[", "]", "{", "}", "=",
    ];

    [GeneratedRegex(@"\{%(-?)\s*end(raw|verbatim)\s*(-?)%\}", RegexOptions.CultureInvariant)]
    private static partial Regex EndRawRegex();

    private void LexExpressionTokens(string? closing)
    {
        while (true)
        {
            SkipWhitespace();
            if (_pos >= _source.Length)
            {
                if (closing is null)
                {
                    return;
                }

                throw Error($"unclosed delimiter, expected '{closing}'", _line, _column);
            }

            if (closing is not null && _brackets.Count == 0 && TryClose(closing))
            {
                return;
            }

            LexToken();
        }
    }

    private bool TryClose(string closing)
    {
        var trimAfter = _source[_pos] == '-' && string.CompareOrdinal(_source, _pos + 1, closing, 0, 2) == 0;
        if (!trimAfter && string.CompareOrdinal(_source, _pos, closing, 0, 2) != 0)
        {
            return false;
        }

        var line = _line;
        var column = _column;
        Advance(trimAfter ? 3 : 2);
        Add(closing == "}}" ? TokenKind.PrintClose : TokenKind.TagClose, closing, line, column);
        _trimNextText = trimAfter;
        return true;
    }

    private void LexRawBody(string tag, int line, int column)
    {
        var match = EndRawRegex().Match(_source, _pos);
        if (!match.Success)
        {
            throw Error($"unclosed '{tag}' tag, expected '{{% end{tag} %}}'", line, column);
        }

        var body = _source[_pos..match.Index];
        if (match.Groups[1].Value == "-")
        {
            body = body.TrimEnd();
        }

        AddText(body);
        Advance(match.Index - _pos);
        Add(TokenKind.TagOpen, "{%", _line, _column);
        Add(TokenKind.Name, "end" + match.Groups[2].Value, _line, _column);
        Add(TokenKind.TagClose, "%}", _line, _column);
        Advance(match.Length);
        _trimNextText = match.Groups[3].Value == "-";
    }

    private void SkipWhitespace()
    {
        while (_pos < _source.Length && char.IsWhiteSpace(_source[_pos]))
        {
            Advance(1);
        }
    }

    private void LexToken()
    {
        var c = _source[_pos];
        var line = _line;
        var column = _column;
        if (char.IsLetter(c) || c == '_')
        {
            var start = _pos;
            while (_pos < _source.Length && (char.IsLetterOrDigit(_source[_pos]) || _source[_pos] == '_'))
            {
                Advance(1);
            }

            Add(TokenKind.Name, _source[start.._pos], line, column);
            return;
        }

        if (char.IsAsciiDigit(c))
        {
            LexNumber(line, column);
            return;
        }

        if (c is '"' or '\'')
        {
            LexString(c, line, column);
            return;
        }

        foreach (var op in Operators)
        {
            if (string.CompareOrdinal(_source, _pos, op, 0, op.Length) == 0)
            {
                TrackBracket(op, line, column);
                Advance(op.Length);
                Add(TokenKind.Operator, op, line, column);
                return;
            }
        }

        throw Error($"unexpected character '{c}'", line, column);
    }

    private void TrackBracket(string op, int line, int column)
    {
        switch (op)
        {
            case "(" or "[" or "{":
                _brackets.Push(op[0]);
                return;
            case ")" or "]" or "}":
                var expected = op switch { ")" => '(', "]" => '[', _ => '{' };
                if (_brackets.Count == 0 || _brackets.Peek() != expected)
                {
                    throw Error($"unexpected '{op}'", line, column);
                }

                _brackets.Pop();
                return;
        }
    }

    private void LexNumber(int line, int column)
    {
        var start = _pos;
        while (_pos < _source.Length && char.IsAsciiDigit(_source[_pos]))
        {
            Advance(1);
        }

        var isDouble = false;
        if (_pos + 1 < _source.Length && _source[_pos] == '.' && char.IsAsciiDigit(_source[_pos + 1]))
        {
            isDouble = true;
            Advance(1);
            while (_pos < _source.Length && char.IsAsciiDigit(_source[_pos]))
            {
                Advance(1);
            }
        }

        var text = _source[start.._pos];
        object value;
        if (!isDouble && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var l))
        {
            value = l;
        }
        else
        {
            value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        Add(TokenKind.Number, text, line, column, value);
    }

    private void LexString(char quote, int line, int column)
    {
        Advance(1);
        var parts = new List<StringPart>();
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _source.Length)
            {
                throw Error("unclosed string literal", line, column);
            }

            var c = _source[_pos];
            if (c == quote)
            {
                Advance(1);
                break;
            }

            if (c == '\\' && _pos + 1 < _source.Length)
            {
                sb.Append(Unescape());
                continue;
            }

            if (quote == '"' && c == '#' && _pos + 1 < _source.Length && _source[_pos + 1] == '{')
            {
                if (sb.Length > 0)
                {
                    parts.Add(new StringPart(sb.ToString(), false, line, column));
                    sb.Clear();
                }

                parts.Add(LexInterpolation());
                continue;
            }

            sb.Append(c);
            Advance(1);
        }

        if (parts.Count == 0)
        {
            Add(TokenKind.String, sb.ToString(), line, column);
            return;
        }

        if (sb.Length > 0)
        {
            parts.Add(new StringPart(sb.ToString(), false, line, column));
        }

        Add(TokenKind.String, string.Concat(parts.Select(p => p.IsExpression ? "#{" + p.Text + "}" : p.Text)), line, column, parts);
    }

    private StringPart LexInterpolation()
    {
        var line = _line;
        var column = _column;
        Advance(2);
        var exprLine = _line;
        var exprColumn = _column;
        var start = _pos;
        var depth = 0;
        char? inString = null;
        while (_pos < _source.Length)
        {
            var c = _source[_pos];
            if (inString is not null)
            {
                if (c == '\\')
                {
                    Advance(1);
                }
                else if (c == inString)
                {
                    inString = null;
                }
            }
            else if (c is '\'')
            {
                inString = c;
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                if (depth == 0)
                {
                    var text = _source[start.._pos];
                    Advance(1);
                    return new StringPart(text, true, exprLine, exprColumn);
                }

                depth--;
            }

            Advance(1);
        }

        throw Error("unclosed string interpolation, expected '}'", line, column);
    }

    private string Unescape()
    {
        var line = _line;
        var column = _column;
        var next = _source[_pos + 1];
        Advance(2);
        switch (next)
        {
            case 'n': return "\n";
            case 't': return "\t";
            case 'r': return "\r";
            case 'b': return "\b";
            case 'f': return "\f";
            case '0': return "\0";
            case 'u':
                if (_pos + 4 <= _source.Length && int.TryParse(_source.AsSpan(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                {
                    Advance(4);
                    return ((char)code).ToString();
                }

                throw Error("invalid unicode escape", line, column);
            default:
                return next.ToString();
        }
    }
}

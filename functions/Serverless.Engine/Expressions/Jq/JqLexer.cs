using System.Text;

namespace Serverless.Engine.Expressions.Jq;

internal enum TokenKind
{
    Ident,
    Field,
    Var,
    Number,
    String,
    Format,
    Op,
    Eof,
}

/// <summary>
/// One token. A string token carries its parts: literal text, or the tokens of an interpolated
/// <c>\(…)</c> (lexed eagerly so the parser stays a plain recursive descent).
/// </summary>
internal sealed record Token(TokenKind Kind, string Text, int Pos, object? Number = null, IReadOnlyList<object>? Parts = null)
{
    public bool Is(string op) => Kind is TokenKind.Op or TokenKind.Ident && Text == op;
}

/// <summary>Turns jq program text into tokens with their offsets.</summary>
internal sealed class JqLexer(string source)
{
    private static readonly string[] Operators =
    [
        "?//=", "?//", "//=", "|=", "+=", "-=", "*=", "/=", "%=", "==", "!=", "<=", ">=", "//", "..",
        "|", ",", "+", "-", "*", "/", "%", "=", "<", ">", ".", "[", "]", "{", "}", "(", ")", ":", ";", "?",
    ];

    private int _pos;

    public static List<Token> Tokenize(string source) => new JqLexer(source).All(0, false);

    private JqException Fail(int at, string reason) => new(source, at, reason);

    private List<Token> All(int depth, bool interpolation)
    {
        if (depth > 200)
        {
            throw Fail(_pos, "string interpolation nested too deeply");
        }

        var tokens = new List<Token>();
        var parens = 0;
        while (true)
        {
            SkipSpace();
            if (_pos >= source.Length)
            {
                if (interpolation)
                {
                    throw Fail(_pos, "unterminated string interpolation");
                }

                tokens.Add(new Token(TokenKind.Eof, string.Empty, _pos));
                return tokens;
            }

            var c = source[_pos];
            if (interpolation && c == ')' && parens == 0)
            {
                _pos++;
                tokens.Add(new Token(TokenKind.Eof, string.Empty, _pos - 1));
                return tokens;
            }

            var token = Next(depth);
            if (token.Kind == TokenKind.Op)
            {
                parens += token.Text == "(" ? 1 : token.Text == ")" ? -1 : 0;
            }

            tokens.Add(token);
        }
    }

    private void SkipSpace()
    {
        while (_pos < source.Length)
        {
            var c = source[_pos];
            if (char.IsWhiteSpace(c))
            {
                _pos++;
            }
            else if (c == '#')
            {
                while (_pos < source.Length && source[_pos] != '\n')
                {
                    _pos++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private static bool IsIdentStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsIdentPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private string Identifier()
    {
        var start = _pos;
        while (_pos < source.Length && (IsIdentPart(source[_pos]) ||
               (source[_pos] == ':' && _pos + 2 < source.Length && source[_pos + 1] == ':' && IsIdentStart(source[_pos + 2]))))
        {
            _pos += source[_pos] == ':' ? 2 : 1;
        }

        return source[start.._pos];
    }

    private Token Next(int depth)
    {
        var start = _pos;
        var c = source[_pos];
        if (c == '"')
        {
            return StringToken(depth);
        }

        if (IsIdentStart(c))
        {
            return new Token(TokenKind.Ident, Identifier(), start);
        }

        if (c == '$' && _pos + 1 < source.Length && IsIdentStart(source[_pos + 1]))
        {
            _pos++;
            return new Token(TokenKind.Var, Identifier(), start);
        }

        if (c == '@' && _pos + 1 < source.Length && IsIdentStart(source[_pos + 1]))
        {
            _pos++;
            return new Token(TokenKind.Format, Identifier(), start);
        }

        if (c == '.' && _pos + 1 < source.Length && IsIdentStart(source[_pos + 1]))
        {
            _pos++;
            return new Token(TokenKind.Field, Identifier(), start);
        }

        if (char.IsAsciiDigit(c) || (c == '.' && _pos + 1 < source.Length && char.IsAsciiDigit(source[_pos + 1])))
        {
            return NumberToken();
        }

        foreach (var op in Operators)
        {
            if (string.CompareOrdinal(source, _pos, op, 0, op.Length) == 0)
            {
                _pos += op.Length;
                return new Token(TokenKind.Op, op, start);
            }
        }

        throw Fail(start, $"syntax error, unexpected INVALID_CHARACTER '{c}'");
    }

    private Token NumberToken()
    {
        var start = _pos;
        while (_pos < source.Length && char.IsAsciiDigit(source[_pos]))
        {
            _pos++;
        }

        if (_pos < source.Length && source[_pos] == '.')
        {
            _pos++;
            while (_pos < source.Length && char.IsAsciiDigit(source[_pos]))
            {
                _pos++;
            }
        }

        if (_pos < source.Length && source[_pos] is 'e' or 'E')
        {
            var save = _pos;
            _pos++;
            if (_pos < source.Length && source[_pos] is '+' or '-')
            {
                _pos++;
            }

            if (_pos < source.Length && char.IsAsciiDigit(source[_pos]))
            {
                while (_pos < source.Length && char.IsAsciiDigit(source[_pos]))
                {
                    _pos++;
                }
            }
            else
            {
                _pos = save;
            }
        }

        var text = source[start.._pos];
        var number = JqJson.ParseNumber(text.StartsWith('.') ? "0" + text : text.EndsWith('.') ? text + "0" : text)
            ?? throw Fail(start, $"invalid number '{text}'");
        return new Token(TokenKind.Number, text, start, number);
    }

    private Token StringToken(int depth)
    {
        var start = _pos;
        _pos++;
        var parts = new List<object>();
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= source.Length)
            {
                throw Fail(start, "unterminated string literal");
            }

            var c = source[_pos++];
            if (c == '"')
            {
                break;
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (_pos >= source.Length)
            {
                throw Fail(start, "unterminated string literal");
            }

            if (source[_pos] == '(')
            {
                _pos++;
                if (sb.Length > 0)
                {
                    parts.Add(sb.ToString());
                    sb.Clear();
                }

                parts.Add(All(depth + 1, true));
                continue;
            }

            if (!JqJson.AppendEscape(sb, source, ref _pos))
            {
                throw Fail(_pos - 2, $"invalid escape '\\{source[_pos - 1]}'");
            }
        }

        if (sb.Length > 0 || parts.Count == 0)
        {
            parts.Add(sb.ToString());
        }

        return new Token(TokenKind.String, source[start.._pos], start, null, parts);
    }
}

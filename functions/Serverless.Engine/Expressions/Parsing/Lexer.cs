namespace Serverless.Engine.Expressions;

/// <summary>
/// Turns a template into tokens: text, the <c>{{ }}</c> / <c>{% %}</c> delimiters and the expression
/// tokens between them. Comments are dropped, whitespace control (<c>{{-</c>, <c>-%}</c>) is applied to the
/// neighbouring text here, and <c>{% raw %}</c> bodies are emitted as plain text.
/// </summary>
internal sealed partial class Lexer
{
    private readonly string _source;
    private readonly List<Token> _tokens = [];
    private readonly Stack<char> _brackets = new();
    private readonly string _errorTemplate;
    private int _pos;
    private int _line;
    private int _column;
    private bool _trimNextText;

    private Lexer(string source, string errorTemplate, int line, int column)
    {
        _source = source;
        _errorTemplate = errorTemplate;
        _line = line;
        _column = column;
    }

    /// <summary>Tokens of a whole template, ending with <see cref="TokenKind.Eof"/>.</summary>
    public static List<Token> LexTemplate(string template)
    {
        var lexer = new Lexer(template, template, 1, 1);
        lexer.RunTemplate();
        return lexer._tokens;
    }

    /// <summary>Tokens of a bare expression (no delimiters), positioned relative to an outer template.</summary>
    public static List<Token> LexExpression(string expression, string errorTemplate, int line = 1, int column = 1)
    {
        var lexer = new Lexer(expression, errorTemplate, line, column);
        lexer.LexExpressionTokens(closing: null);
        lexer.Add(TokenKind.Eof, string.Empty, lexer._line, lexer._column);
        return lexer._tokens;
    }

    private ExpressionException Error(string reason, int line, int column) =>
        new(_errorTemplate, line, column, reason);

    private void RunTemplate()
    {
        while (_pos < _source.Length)
        {
            var next = FindNextDelimiter(_pos);
            if (next < 0)
            {
                AddText(_source[_pos..]);
                Advance(_source.Length - _pos);
                break;
            }

            if (next > _pos)
            {
                AddText(_source[_pos..next]);
                Advance(next - _pos);
            }

            LexDelimited();
        }

        Add(TokenKind.Eof, string.Empty, _line, _column);
    }

    private int FindNextDelimiter(int from)
    {
        var at = from;
        while (true)
        {
            at = _source.IndexOf('{', at);
            if (at < 0 || at + 1 >= _source.Length)
            {
                return -1;
            }

            var c = _source[at + 1];
            if (c is '{' or '%' or '#')
            {
                return at;
            }

            at++;
        }
    }

    private void LexDelimited()
    {
        var line = _line;
        var column = _column;
        var kind = _source[_pos + 1];
        var trimBefore = _pos + 2 < _source.Length && _source[_pos + 2] == '-';
        Advance(trimBefore ? 3 : 2);
        if (trimBefore)
        {
            TrimPreviousText();
        }

        switch (kind)
        {
            case '#':
                SkipComment(line, column);
                return;
            case '{':
                Add(TokenKind.PrintOpen, "{{", line, column);
                LexExpressionTokens("}}");
                return;
            default:
                var openIndex = _tokens.Count;
                Add(TokenKind.TagOpen, "{%", line, column);
                LexExpressionTokens("%}");
                if (_tokens.Count == openIndex + 3 && (_tokens[openIndex + 1].IsName("raw") || _tokens[openIndex + 1].IsName("verbatim")))
                {
                    LexRawBody(_tokens[openIndex + 1].Value, line, column);
                }

                return;
        }
    }

    private void SkipComment(int line, int column)
    {
        var end = _source.IndexOf("#}", _pos, StringComparison.Ordinal);
        if (end < 0)
        {
            throw Error("unclosed comment, expected '#}'", line, column);
        }

        var trimAfter = end > _pos && _source[end - 1] == '-';
        Advance(end + 2 - _pos);
        _trimNextText = trimAfter;
    }

    private void AddText(string text)
    {
        if (_trimNextText)
        {
            text = text.TrimStart();
            _trimNextText = false;
        }

        if (text.Length > 0)
        {
            Add(TokenKind.Text, text, _line, _column);
        }
    }

    private void TrimPreviousText()
    {
        if (_tokens.Count == 0 || _tokens[^1].Kind != TokenKind.Text)
        {
            return;
        }

        var last = _tokens[^1];
        var trimmed = last.Value.TrimEnd();
        _tokens.RemoveAt(_tokens.Count - 1);
        if (trimmed.Length > 0)
        {
            _tokens.Add(last with { Value = trimmed });
        }
    }

    private void Add(TokenKind kind, string value, int line, int column, object? literal = null) =>
        _tokens.Add(new Token(kind, value, line, column, literal));

    private void Advance(int count)
    {
        for (var i = 0; i < count && _pos < _source.Length; i++)
        {
            if (_source[_pos] == '\n')
            {
                _line++;
                _column = 1;
            }
            else
            {
                _column++;
            }

            _pos++;
        }
    }
}

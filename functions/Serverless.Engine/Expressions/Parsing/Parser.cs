namespace Serverless.Engine.Expressions;

/// <summary>
/// Recursive-descent parser from tokens to the template AST, with Pebble's operator precedences.
/// Records the deepest nesting seen so the depth limit can be enforced per render without reparsing.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>Absolute cap that protects the parser's own stack whatever the configured limits.</summary>
    private const int HardDepthCap = 1000;

    private readonly List<Token> _tokens;
    private readonly string _template;
    private int _pos;
    private int _depth;
    private int _maxDepth;

    private Parser(List<Token> tokens, string template)
    {
        _tokens = tokens;
        _template = template;
    }

    private Token Current => _tokens[_pos];

    public static ParsedTemplate ParseTemplate(string template)
    {
        var parser = new Parser(Lexer.LexTemplate(template), template);
        var nodes = parser.ParseBody(new HashSet<string>(), out _);
        return new ParsedTemplate(template, nodes, parser._maxDepth) { SingleExpression = SingleExpressionOf(nodes) };
    }

    public static ParsedTemplate ParseExpression(string expression)
    {
        var parser = new Parser(Lexer.LexExpression(expression, expression), expression);
        var expr = parser.ParseExpression();
        parser.Expect(TokenKind.Eof);
        var nodes = new Node[] { new PrintNode(expr, expr.Line, expr.Column) };
        return new ParsedTemplate(expression, nodes, parser._maxDepth) { SingleExpression = expr };
    }

    private static Expr? SingleExpressionOf(IReadOnlyList<Node> nodes)
    {
        Expr? single = null;
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode text when string.IsNullOrWhiteSpace(text.Text):
                    continue;
                case PrintNode print when single is null:
                    single = print.Expression;
                    continue;
                default:
                    return null;
            }
        }

        return single;
    }

    private ExpressionException Error(string reason, Token at) => new(_template, at.Line, at.Column, reason);

    private Token Advance() => _tokens[_pos < _tokens.Count - 1 ? _pos++ : _pos];

    private Token Expect(TokenKind kind, string? value = null)
    {
        var token = Current;
        if (token.Kind != kind || (value is not null && !string.Equals(token.Value, value, StringComparison.Ordinal)))
        {
            var wanted = value is not null ? $"'{value}'" : kind switch
            {
                TokenKind.Name => "a name",
                TokenKind.Eof => "end of expression",
                TokenKind.PrintClose => "'}}'",
                TokenKind.TagClose => "'%}'",
                _ => kind.ToString(),
            };
            throw Error($"expected {wanted} but found {token}", token);
        }

        return Advance();
    }

    private bool AcceptOperator(string op)
    {
        if (!Current.IsOperator(op))
        {
            return false;
        }

        Advance();
        return true;
    }

    private void Enter()
    {
        _depth++;
        _maxDepth = Math.Max(_maxDepth, _depth);
        if (_depth > HardDepthCap)
        {
            throw Error($"template nested deeper than {HardDepthCap} levels", Current);
        }

        ValueText.EnsureStack();
    }

    private void Leave() => _depth--;

    /// <summary>Parses nodes until one of <paramref name="endTags"/> (consumed up to the tag name) or the end.</summary>
    private List<Node> ParseBody(IReadOnlySet<string> endTags, out Token? endTag)
    {
        var nodes = new List<Node>();
        while (true)
        {
            var token = Current;
            switch (token.Kind)
            {
                case TokenKind.Eof:
                    if (endTags.Count > 0)
                    {
                        throw Error($"unexpected end of template, expected {string.Join(" or ", endTags.Select(t => "'{% " + t + " %}'"))}", token);
                    }

                    endTag = null;
                    return nodes;
                case TokenKind.Text:
                    Advance();
                    nodes.Add(new TextNode(token.Value, token.Line, token.Column));
                    break;
                case TokenKind.PrintOpen:
                    Advance();
                    var expr = ParseExpression();
                    Expect(TokenKind.PrintClose);
                    nodes.Add(new PrintNode(expr, token.Line, token.Column));
                    break;
                case TokenKind.TagOpen:
                    Advance();
                    var name = Expect(TokenKind.Name);
                    if (endTags.Contains(name.Value))
                    {
                        endTag = name;
                        return nodes;
                    }

                    nodes.Add(ParseTag(name, token));
                    break;
                default:
                    throw Error($"unexpected {token}", token);
            }
        }
    }
}

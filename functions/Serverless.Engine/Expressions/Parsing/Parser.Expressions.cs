namespace Serverless.Engine.Expressions;

internal sealed partial class Parser
{
    private const int NotPrecedence = 5;
    private const int SignPrecedence = 500;

    // Pebble's CoreExtension precedences, plus Kestra's ?? and ??? (120) and 'in' beside 'contains'.
    private static readonly Dictionary<string, int> BinaryPrecedence = new(StringComparer.Ordinal)
    {
        ["or"] = 10,
        ["and"] = 15,
        ["is"] = 20,
        ["in"] = 20,
        ["not in"] = 20,
        ["contains"] = 20,
        ["=="] = 30,
        ["equals"] = 30,
        ["!="] = 30,
        ["<"] = 30,
        [">"] = 30,
        ["<="] = 30,
        [">="] = 30,
        ["+"] = 40,
        ["-"] = 40,
        ["*"] = 60,
        ["/"] = 60,
        ["%"] = 60,
        ["|"] = 100,
        ["~"] = 110,
        [".."] = 120,
        ["??"] = 120,
        ["???"] = 120,
    };

    private Expr ParseExpression(int minPrecedence = 0)
    {
        Enter();
        try
        {
            var left = ParseUnaryOrPrimary();
            while (TryPeekBinary(out var op, out var width) && BinaryPrecedence[op] >= minPrecedence)
            {
                _pos += width;
                left = op switch
                {
                    "is" => ParseTest(left),
                    "|" => ParseFilterInvocation(left),
                    // ?? and ??? are right-associative so `a ?? b ?? c` tolerates an undefined `b` too.
                    "??" or "???" => new BinaryExpr(op, left, ParseExpression(BinaryPrecedence[op]), left.Line, left.Column),
                    _ => new BinaryExpr(op, left, ParseExpression(BinaryPrecedence[op] + 1), left.Line, left.Column),
                };
            }

            if (minPrecedence == 0 && AcceptOperator("?"))
            {
                var then = ParseExpression();
                Expect(TokenKind.Operator, ":");
                var otherwise = ParseExpression();
                left = new TernaryExpr(left, then, otherwise, left.Line, left.Column);
            }

            return left;
        }
        finally
        {
            Leave();
        }
    }

    private bool TryPeekBinary(out string op, out int width)
    {
        var token = Current;
        width = 1;
        op = token.Value;
        if (token.Kind == TokenKind.Operator)
        {
            return BinaryPrecedence.ContainsKey(op);
        }

        if (token.Kind != TokenKind.Name)
        {
            return false;
        }

        if (op == "not" && _pos + 1 < _tokens.Count && _tokens[_pos + 1].IsName("in"))
        {
            op = "not in";
            width = 2;
            return true;
        }

        return op is "or" or "and" or "is" or "in" or "contains" or "equals";
    }

    private Expr ParseUnaryOrPrimary()
    {
        var token = Current;
        if (token.IsName("not"))
        {
            Advance();
            return new UnaryExpr("not", ParseExpression(NotPrecedence), token.Line, token.Column);
        }

        if (token.IsOperator("-") || token.IsOperator("+"))
        {
            Advance();
            return new UnaryExpr(token.Value, ParseExpression(SignPrecedence), token.Line, token.Column);
        }

        return ParsePostfix(ParsePrimary());
    }

    private Expr ParsePrimary()
    {
        var token = Advance();
        switch (token.Kind)
        {
            case TokenKind.Number:
                return new LiteralExpr(token.Literal, token.Line, token.Column);
            case TokenKind.String:
                return token.Literal is List<StringPart> parts
                    ? ParseInterpolation(parts, token)
                    : new LiteralExpr(token.Value, token.Line, token.Column);
            case TokenKind.Name:
                return ParseName(token);
            case TokenKind.Operator when token.Value == "(":
                var inner = ParseExpression();
                Expect(TokenKind.Operator, ")");
                return inner;
            case TokenKind.Operator when token.Value == "[":
                return ParseList(token);
            case TokenKind.Operator when token.Value == "{":
                return ParseMap(token);
            default:
                throw Error($"unexpected {token}", token);
        }
    }

    private Expr ParseName(Token token)
    {
        switch (token.Value)
        {
            case "true" or "True" or "TRUE":
                return new LiteralExpr(true, token.Line, token.Column);
            case "false" or "False" or "FALSE":
                return new LiteralExpr(false, token.Line, token.Column);
            case "null" or "none" or "NULL" or "NONE" or "None":
                return new LiteralExpr(null, token.Line, token.Column);
        }

        if (Current.IsOperator("("))
        {
            return new CallExpr(token.Value, ParseArguments(), token.Line, token.Column);
        }

        return new VariableExpr(token.Value, token.Line, token.Column);
    }

    private Expr ParsePostfix(Expr target)
    {
        while (true)
        {
            if (AcceptOperator("."))
            {
                var member = Advance();
                if (member.Kind is not (TokenKind.Name or TokenKind.Number) || member.Literal is double)
                {
                    throw Error($"expected an attribute name after '.' but found {member}", member);
                }

                if (Current.IsOperator("("))
                {
                    throw Error($"method calls are not supported: '{member.Value}(...)'", member);
                }

                target = new MemberExpr(target, member.Value, target.Line, target.Column);
            }
            else if (AcceptOperator("["))
            {
                var key = ParseExpression();
                Expect(TokenKind.Operator, "]");
                target = new IndexExpr(target, key, target.Line, target.Column);
            }
            else
            {
                return target;
            }
        }
    }

    private ListExpr ParseList(Token open)
    {
        var items = new List<Expr>();
        while (!Current.IsOperator("]"))
        {
            items.Add(ParseExpression());
            if (!AcceptOperator(","))
            {
                break;
            }
        }

        Expect(TokenKind.Operator, "]");
        return new ListExpr(items, open.Line, open.Column);
    }

    private MapExpr ParseMap(Token open)
    {
        var entries = new List<KeyValuePair<Expr, Expr>>();
        while (!Current.IsOperator("}"))
        {
            var key = ParseExpression();
            Expect(TokenKind.Operator, ":");
            entries.Add(new KeyValuePair<Expr, Expr>(key, ParseExpression()));
            if (!AcceptOperator(","))
            {
                break;
            }
        }

        Expect(TokenKind.Operator, "}");
        return new MapExpr(entries, open.Line, open.Column);
    }

    private List<Argument> ParseArguments()
    {
        var args = new List<Argument>();
        if (!AcceptOperator("("))
        {
            return args;
        }

        while (!Current.IsOperator(")"))
        {
            if (Current.Kind == TokenKind.Name && _pos + 1 < _tokens.Count && _tokens[_pos + 1].IsOperator("="))
            {
                var name = Advance().Value;
                Advance();
                args.Add(new Argument(name, ParseExpression()));
            }
            else
            {
                args.Add(new Argument(null, ParseExpression()));
            }

            if (!AcceptOperator(","))
            {
                break;
            }
        }

        Expect(TokenKind.Operator, ")");
        return args;
    }

    private TestExpr ParseTest(Expr subject)
    {
        var negated = false;
        if (Current.IsName("not"))
        {
            Advance();
            negated = true;
        }

        var name = Expect(TokenKind.Name);
        return new TestExpr(subject, name.Value, negated, ParseArguments(), name.Line, name.Column);
    }

    private FilterExpr ParseFilterInvocation(Expr input)
    {
        var name = Expect(TokenKind.Name);
        return new FilterExpr(input, name.Value, ParseArguments(), name.Line, name.Column);
    }

    private InterpolationExpr ParseInterpolation(List<StringPart> parts, Token token)
    {
        var exprs = new List<Expr>(parts.Count);
        foreach (var part in parts)
        {
            if (!part.IsExpression)
            {
                exprs.Add(new LiteralExpr(part.Text, part.Line, part.Column));
                continue;
            }

            var sub = new Parser(Lexer.LexExpression(part.Text, _template, part.Line, part.Column), _template) { _depth = _depth };
            exprs.Add(sub.ParseExpression());
            sub.Expect(TokenKind.Eof);
            _maxDepth = Math.Max(_maxDepth, sub._maxDepth);
        }

        return new InterpolationExpr(exprs, token.Line, token.Column);
    }
}

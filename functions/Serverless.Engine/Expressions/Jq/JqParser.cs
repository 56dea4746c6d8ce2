namespace Serverless.Engine.Expressions.Jq;

/// <summary>
/// Recursive-descent parser for jq 1.7's grammar, precedence lowest first: <c>|</c> (right), <c>,</c>,
/// <c>//</c> (right), assignments (non-associative), <c>or</c>, <c>and</c>, comparisons, <c>+ -</c>,
/// <c>* / %</c>, unary minus, postfix terms. <c>as</c>, <c>label</c> and <c>def</c> bodies extend as far
/// right as possible, as in jq.
/// </summary>
internal sealed class JqParser
{
    private static readonly HashSet<string> Keywords =
    [
        "def", "if", "then", "elif", "else", "end", "as", "reduce", "foreach", "try", "catch", "label",
        "import", "include", "module", "and", "or", "__loc__",
    ];

    private static readonly HashSet<string> AssignOps = ["=", "|=", "+=", "-=", "*=", "/=", "%=", "//="];

    private static readonly HashSet<string> CompareOps = ["==", "!=", "<", "<=", ">", ">="];

    private readonly string _source;
    private readonly List<Token> _tokens;
    private readonly List<string> _labels;
    private int _at;
    private int _depth;

    private JqParser(string source, List<Token> tokens, List<string> labels)
    {
        _source = source;
        _tokens = tokens;
        _labels = labels;
    }

    public static JqNode Parse(string source)
    {
        var parser = new JqParser(source, JqLexer.Tokenize(source), []);
        var node = parser.ParsePipe();
        parser.ExpectEnd();
        return node;
    }

    private Token Current => _tokens[_at];

    private JqException Fail(Token at, string reason) => new(_source, at.Pos, reason);

    private JqException Unexpected(Token t) => Fail(t, t.Kind == TokenKind.Eof
        ? "syntax error, unexpected end of file"
        : $"syntax error, unexpected '{t.Text}'");

    private void ExpectEnd()
    {
        if (Current.Kind != TokenKind.Eof)
        {
            throw Unexpected(Current);
        }
    }

    private bool Accept(string op)
    {
        if (Current.Kind is TokenKind.Op or TokenKind.Ident && Current.Text == op)
        {
            _at++;
            return true;
        }

        return false;
    }

    private Token Expect(string op)
    {
        var t = Current;
        if (!Accept(op))
        {
            throw Fail(t, t.Kind == TokenKind.Eof
                ? $"syntax error, unexpected end of file, expecting '{op}'"
                : $"syntax error, unexpected '{t.Text}', expecting '{op}'");
        }

        return t;
    }

    private bool IsOp(string op) => Current.Kind == TokenKind.Op && Current.Text == op;

    private JqNode ParsePipe()
    {
        if (++_depth > 500)
        {
            throw Fail(Current, "program nested too deeply");
        }

        try
        {
            var left = ParseComma();
            if (IsOp("|"))
            {
                var pos = Current.Pos;
                _at++;
                return new PipeNode(pos, left, ParsePipe());
            }

            return left;
        }
        finally
        {
            _depth--;
        }
    }

    private JqNode ParseComma()
    {
        var left = ParseAlternative();
        while (IsOp(","))
        {
            var pos = Current.Pos;
            _at++;
            left = new CommaNode(pos, left, ParseAlternative());
        }

        return left;
    }

    private JqNode ParseAlternative()
    {
        var left = ParseAssign();
        if (IsOp("//"))
        {
            var pos = Current.Pos;
            _at++;
            return new AlternativeNode(pos, left, ParseAlternative());
        }

        return left;
    }

    private JqNode ParseAssign()
    {
        var left = ParseOr();
        if (Current.Kind == TokenKind.Op && AssignOps.Contains(Current.Text))
        {
            var op = Current;
            _at++;
            var right = ParseAlternativeOperand();
            if (Current.Kind == TokenKind.Op && AssignOps.Contains(Current.Text))
            {
                throw Unexpected(Current);
            }

            return new AssignNode(op.Pos, op.Text, left, right);
        }

        return left;
    }

    /// <summary>The right side of an assignment: binds tighter than <c>//</c>, as jq's precedence table says.</summary>
    private JqNode ParseAlternativeOperand() => ParseOr();

    private JqNode ParseOr()
    {
        var left = ParseAnd();
        while (Current.Kind == TokenKind.Ident && Current.Text == "or")
        {
            var pos = Current.Pos;
            _at++;
            left = new OrNode(pos, left, ParseAnd());
        }

        return left;
    }

    private JqNode ParseAnd()
    {
        var left = ParseCompare();
        while (Current.Kind == TokenKind.Ident && Current.Text == "and")
        {
            var pos = Current.Pos;
            _at++;
            left = new AndNode(pos, left, ParseCompare());
        }

        return left;
    }

    private JqNode ParseCompare()
    {
        var left = ParseAdditive();
        if (Current.Kind == TokenKind.Op && CompareOps.Contains(Current.Text))
        {
            var op = Current;
            _at++;
            var right = ParseAdditive();
            if (Current.Kind == TokenKind.Op && CompareOps.Contains(Current.Text))
            {
                throw Unexpected(Current);
            }

            return new BinaryNode(op.Pos, op.Text, left, right);
        }

        return left;
    }

    private JqNode ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (IsOp("+") || IsOp("-"))
        {
            var op = Current;
            _at++;
            left = new BinaryNode(op.Pos, op.Text, left, ParseMultiplicative());
        }

        return left;
    }

    private JqNode ParseMultiplicative()
    {
        var left = ParseUnary();
        while (IsOp("*") || IsOp("/") || IsOp("%"))
        {
            var op = Current;
            _at++;
            var right = ParseUnary();
            if (op.Text is "/" or "%" && left is LiteralNode { Value: long or double } l && right is LiteralNode { Value: long or double } r &&
                JqValues.ToDouble(r.Value) == 0 && JqValues.ToDouble(l.Value) != 0)
            {
                throw Fail(op, "Division by zero?");
            }

            left = new BinaryNode(op.Pos, op.Text, left, right);
        }

        return left;
    }

    private JqNode ParseUnary()
    {
        if (IsOp("-"))
        {
            var pos = Current.Pos;
            _at++;
            return new NegateNode(pos, ParseMultiplicative());
        }

        return ParsePostfix(true);
    }

    private JqNode ParsePostfix(bool allowAs)
    {
        var term = ParsePrimary();
        while (true)
        {
            var t = Current;
            if (t.Kind == TokenKind.Field)
            {
                _at++;
                term = new IndexNode(t.Pos, term, new LiteralNode(t.Pos, t.Text));
            }
            else if (t.Kind == TokenKind.Op && t.Text == "." && _tokens[_at + 1].Kind == TokenKind.String)
            {
                _at++;
                term = new IndexNode(t.Pos, term, ParseString(null));
            }
            else if (t.Kind == TokenKind.Op && t.Text == "." && _tokens[_at + 1].Is("["))
            {
                _at++;
                term = ParseBracket(term);
            }
            else if (t.Kind == TokenKind.Op && t.Text == "[")
            {
                term = ParseBracket(term);
            }
            else if (t.Kind == TokenKind.Op && t.Text == "?")
            {
                _at++;
                term = new TryNode(t.Pos, term, null);
            }
            else if (t.Kind == TokenKind.Op && t.Text is "?//" or "?//=")
            {
                // Outside a pattern `?//` is `?` followed by `//`: split the token.
                _tokens[_at] = new Token(TokenKind.Op, t.Text[1..], t.Pos + 1);
                term = new TryNode(t.Pos, term, null);
            }
            else
            {
                break;
            }
        }

        if (allowAs && Current.Is("as") && Current.Kind == TokenKind.Ident)
        {
            var pos = Current.Pos;
            _at++;
            var patterns = ParsePatterns();
            Expect("|");
            return new AsNode(pos, term, patterns, ParsePipe());
        }

        return term;
    }

    private JqNode ParseBracket(JqNode target)
    {
        var open = Expect("[");
        if (Accept("]"))
        {
            return new IterateNode(open.Pos, target);
        }

        if (Accept(":"))
        {
            var to = ParsePipe();
            Expect("]");
            return new SliceNode(open.Pos, target, null, to);
        }

        var index = ParsePipe();
        if (Accept(":"))
        {
            if (Accept("]"))
            {
                return new SliceNode(open.Pos, target, index, null);
            }

            var to = ParsePipe();
            Expect("]");
            return new SliceNode(open.Pos, target, index, to);
        }

        Expect("]");
        return new IndexNode(open.Pos, target, index);
    }

    private StringNode ParseString(string? format)
    {
        var t = Current;
        if (t.Kind != TokenKind.String)
        {
            throw Unexpected(t);
        }

        _at++;
        var parts = new List<object>();
        foreach (var part in t.Parts!)
        {
            if (part is string s)
            {
                parts.Add(s);
            }
            else
            {
                var sub = new JqParser(_source, (List<Token>)part, _labels) { _depth = _depth };
                var node = sub.ParsePipe();
                sub.ExpectEnd();
                parts.Add(node);
            }
        }

        return new StringNode(t.Pos, parts, format);
    }

    private JqNode ParsePrimary()
    {
        var t = Current;
        switch (t.Kind)
        {
            case TokenKind.Number:
                _at++;
                return new LiteralNode(t.Pos, t.Number);
            case TokenKind.String:
                return ParseString(null);
            case TokenKind.Format:
                _at++;
                return Current.Kind == TokenKind.String ? ParseString(t.Text) : new FormatNode(t.Pos, t.Text);
            case TokenKind.Field:
                _at++;
                return new IndexNode(t.Pos, new IdentityNode(t.Pos), new LiteralNode(t.Pos, t.Text));
            case TokenKind.Var:
                _at++;
                return t.Text == "__loc__" ? new LocNode(t.Pos, LineOf(t.Pos)) : new VarNode(t.Pos, t.Text);
            case TokenKind.Ident:
                return ParseKeywordOrCall(t);
            case TokenKind.Op:
                return ParseOpPrimary(t);
            default:
                throw Unexpected(t);
        }
    }

    private int LineOf(int pos) => 1 + _source.AsSpan(0, Math.Min(pos, _source.Length)).Count('\n');

    private JqNode ParseOpPrimary(Token t)
    {
        switch (t.Text)
        {
            case ".":
                _at++;
                if (Current.Kind == TokenKind.String)
                {
                    return new IndexNode(t.Pos, new IdentityNode(t.Pos), ParseString(null));
                }

                return new IdentityNode(t.Pos);
            case "..":
                _at++;
                return new RecurseAllNode(t.Pos);
            case "(":
                _at++;
                var inner = ParsePipe();
                Expect(")");
                return inner;
            case "[":
                _at++;
                if (Accept("]"))
                {
                    return new ArrayNode(t.Pos, null);
                }

                var body = ParsePipe();
                Expect("]");
                return new ArrayNode(t.Pos, body);
            case "{":
                return ParseObject();
            case "-":
                _at++;
                return new NegateNode(t.Pos, ParsePostfix(false));
            default:
                throw Unexpected(t);
        }
    }

    private JqNode ParseKeywordOrCall(Token t)
    {
        switch (t.Text)
        {
            case "if":
                return ParseIf();
            case "try":
                _at++;
                var body = ParsePostfix(false);
                JqNode? handler = null;
                if (Current.Kind == TokenKind.Ident && Accept("catch"))
                {
                    handler = ParsePostfix(false);
                }

                return new TryNode(t.Pos, body, handler);
            case "reduce":
                {
                    _at++;
                    var source = ParsePostfix(false);
                    Expect("as");
                    var patterns = ParsePatterns();
                    if (patterns.Count > 1)
                    {
                        throw Fail(t, "reduce takes a single pattern");
                    }

                    Expect("(");
                    var init = ParsePipe();
                    Expect(";");
                    var update = ParsePipe();
                    Expect(")");
                    return new ReduceNode(t.Pos, source, patterns[0], init, update);
                }

            case "foreach":
                {
                    _at++;
                    var source = ParsePostfix(false);
                    Expect("as");
                    var patterns = ParsePatterns();
                    if (patterns.Count > 1)
                    {
                        throw Fail(t, "foreach takes a single pattern");
                    }

                    Expect("(");
                    var init = ParsePipe();
                    Expect(";");
                    var update = ParsePipe();
                    JqNode? extract = null;
                    if (Accept(";"))
                    {
                        extract = ParsePipe();
                    }

                    Expect(")");
                    return new ForeachNode(t.Pos, source, patterns[0], init, update, extract);
                }

            case "label":
                {
                    _at++;
                    var name = Current;
                    if (name.Kind != TokenKind.Var)
                    {
                        throw Fail(name, "syntax error, label needs a $name");
                    }

                    _at++;
                    Expect("|");
                    _labels.Add(name.Text);
                    try
                    {
                        return new LabelNode(t.Pos, name.Text, ParsePipe());
                    }
                    finally
                    {
                        _labels.RemoveAt(_labels.Count - 1);
                    }
                }

            case "def":
                {
                    var def = ParseDef();
                    return new DefNode(t.Pos, def, ParsePipe());
                }

            case "import" or "include" or "module":
                throw Fail(t, $"the module system ('{t.Text}') is not supported");
            case "break":
                {
                    _at++;
                    var name = Current;
                    if (name.Kind != TokenKind.Var)
                    {
                        throw Fail(name, "syntax error, break needs a $name");
                    }

                    _at++;
                    if (!_labels.Contains(name.Text))
                    {
                        throw Fail(name, $"$*label-{name.Text} is not defined");
                    }

                    return new BreakNode(t.Pos, name.Text);
                }
        }

        if (Keywords.Contains(t.Text))
        {
            throw Unexpected(t);
        }

        _at++;
        if (t.Text is "true" or "false" or "null" && !IsOp("("))
        {
            return new LiteralNode(t.Pos, t.Text == "null" ? null : t.Text == "true");
        }

        var args = new List<JqNode>();
        if (Accept("("))
        {
            do
            {
                args.Add(ParsePipe());
            }
            while (Accept(";"));
            Expect(")");
        }

        return new CallNode(t.Pos, t.Text, args);
    }

    private JqNode ParseIf()
    {
        var t = Expect("if");
        var condition = ParsePipe();
        Expect("then");
        var then = ParsePipe();
        JqNode? otherwise = null;
        if (Current.Is("elif") && Current.Kind == TokenKind.Ident)
        {
            _tokens[_at] = Current with { Text = "if" };
            otherwise = ParseIf();
            return new IfNode(t.Pos, condition, then, otherwise);
        }

        if (Current.Kind == TokenKind.Ident && Accept("else"))
        {
            otherwise = ParsePipe();
        }

        Expect("end");
        return new IfNode(t.Pos, condition, then, otherwise);
    }

    private FuncDef ParseDef()
    {
        var t = Expect("def");
        var name = Current;
        if (name.Kind != TokenKind.Ident || Keywords.Contains(name.Text))
        {
            throw Fail(name, "syntax error, def needs a function name");
        }

        _at++;
        var parameters = new List<string>();
        if (Accept("("))
        {
            do
            {
                var p = Current;
                if (p.Kind == TokenKind.Var)
                {
                    parameters.Add("$" + p.Text);
                }
                else if (p.Kind == TokenKind.Ident && !Keywords.Contains(p.Text))
                {
                    parameters.Add(p.Text);
                }
                else
                {
                    throw Fail(p, "syntax error, bad parameter name");
                }

                _at++;
            }
            while (Accept(";"));
            Expect(")");
        }

        Expect(":");
        var body = ParsePipe();
        Expect(";");
        return new FuncDef(t.Pos, name.Text, parameters, body);
    }

    private ObjectNode ParseObject()
    {
        var open = Expect("{");
        var entries = new List<ObjectEntry>();
        if (!Accept("}"))
        {
            do
            {
                entries.Add(ParseObjectEntry());
            }
            while (Accept(","));
            Expect("}");
        }

        return new ObjectNode(open.Pos, entries);
    }

    private ObjectEntry ParseObjectEntry()
    {
        var t = Current;
        switch (t.Kind)
        {
            case TokenKind.Var:
                _at++;
                if (t.Text == "__loc__")
                {
                    return new ObjectEntry(new LiteralNode(t.Pos, "__loc__"), new LocNode(t.Pos, LineOf(t.Pos)));
                }

                if (Accept(":"))
                {
                    return new ObjectEntry(new VarNode(t.Pos, t.Text), ParseObjectValue());
                }

                return new ObjectEntry(new LiteralNode(t.Pos, t.Text), new VarNode(t.Pos, t.Text));
            case TokenKind.Ident:
                _at++;
                if (Accept(":"))
                {
                    return new ObjectEntry(new LiteralNode(t.Pos, t.Text), ParseObjectValue());
                }

                return new ObjectEntry(new LiteralNode(t.Pos, t.Text), new IndexNode(t.Pos, new IdentityNode(t.Pos), new LiteralNode(t.Pos, t.Text)));
            case TokenKind.String or TokenKind.Format:
                {
                    string? format = null;
                    if (t.Kind == TokenKind.Format)
                    {
                        _at++;
                        format = t.Text;
                    }

                    var key = ParseString(format);
                    if (Accept(":"))
                    {
                        return new ObjectEntry(key, ParseObjectValue());
                    }

                    return new ObjectEntry(key, new IndexNode(t.Pos, new IdentityNode(t.Pos), key));
                }

            case TokenKind.Number:
                throw Fail(t, $"Cannot use number ({t.Text}) as object key");
            case TokenKind.Op when t.Text == "(":
                {
                    _at++;
                    var key = ParsePipe();
                    Expect(")");
                    if (key is LiteralNode { Value: not string } literal)
                    {
                        throw Fail(t, $"Cannot use {JqValues.Describe(literal.Value)} as object key");
                    }

                    Expect(":");
                    return new ObjectEntry(key, ParseObjectValue());
                }

            default:
                throw Unexpected(t);
        }
    }

    /// <summary>jq's <c>ExpD</c>: terms joined by <c>|</c>, optionally negated; commas end the value.</summary>
    private JqNode ParseObjectValue()
    {
        var value = ParseObjectTerm();
        while (IsOp("|"))
        {
            var pos = Current.Pos;
            _at++;
            value = new PipeNode(pos, value, ParseObjectTerm());
        }

        return value;
    }

    private JqNode ParseObjectTerm()
    {
        if (IsOp("-"))
        {
            var pos = Current.Pos;
            _at++;
            return new NegateNode(pos, ParseObjectTerm());
        }

        return ParsePostfix(false);
    }

    private List<JqPattern> ParsePatterns()
    {
        var patterns = new List<JqPattern> { ParsePattern() };
        while (Accept("?//"))
        {
            patterns.Add(ParsePattern());
        }

        return patterns;
    }

    private JqPattern ParsePattern()
    {
        var t = Current;
        switch (t.Kind)
        {
            case TokenKind.Var:
                _at++;
                return new VarPattern(t.Pos, t.Text);
            case TokenKind.Op when t.Text == "[":
                {
                    _at++;
                    var elements = new List<JqPattern>();
                    do
                    {
                        elements.Add(ParsePattern());
                    }
                    while (Accept(","));
                    Expect("]");
                    return new ArrayPattern(t.Pos, elements);
                }

            case TokenKind.Op when t.Text == "{":
                {
                    _at++;
                    var entries = new List<ObjectPatternEntry>();
                    do
                    {
                        entries.Add(ParseObjectPatternEntry());
                    }
                    while (Accept(","));
                    Expect("}");
                    return new ObjectPattern(t.Pos, entries);
                }

            default:
                throw Fail(t, t.Kind == TokenKind.Eof ? "syntax error, unexpected end of file, expecting '$' or '[' or '{'" : $"syntax error, unexpected '{t.Text}', expecting '$' or '[' or '{{'");
        }
    }

    private ObjectPatternEntry ParseObjectPatternEntry()
    {
        var t = Current;
        switch (t.Kind)
        {
            case TokenKind.Var:
                _at++;
                return Accept(":") ? new ObjectPatternEntry(t.Text, null, ParsePattern()) : new ObjectPatternEntry(t.Text, null, null);
            case TokenKind.Ident:
                _at++;
                Expect(":");
                return new ObjectPatternEntry(null, new LiteralNode(t.Pos, t.Text), ParsePattern());
            case TokenKind.String:
                {
                    var key = ParseString(null);
                    Expect(":");
                    return new ObjectPatternEntry(null, key, ParsePattern());
                }

            case TokenKind.Op when t.Text == "(":
                {
                    _at++;
                    var key = ParsePipe();
                    Expect(")");
                    Expect(":");
                    return new ObjectPatternEntry(null, key, ParsePattern());
                }

            default:
                throw Unexpected(t);
        }
    }
}

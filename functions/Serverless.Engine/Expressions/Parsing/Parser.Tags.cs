namespace Serverless.Engine.Expressions;

internal sealed partial class Parser
{
    private static readonly HashSet<string> IfEnds = ["elseif", "elif", "else", "endif"];
    private static readonly HashSet<string> ForEnds = ["else", "endfor"];
    private static readonly HashSet<string> EndFor = ["endfor"];
    private static readonly HashSet<string> EndIf = ["endif"];
    private static readonly HashSet<string> EndFilter = ["endfilter"];
    private static readonly HashSet<string> EndRaw = ["endraw", "endverbatim"];

    private Node ParseTag(Token name, Token open)
    {
        Enter();
        try
        {
            return name.Value switch
            {
                "if" => ParseIf(open),
                "for" => ParseFor(open),
                "set" => ParseSet(open),
                "raw" or "verbatim" => ParseRaw(open),
                "filter" => ParseFilterBlock(open),
                _ => throw Error($"unknown tag '{name.Value}'", name),
            };
        }
        finally
        {
            Leave();
        }
    }

    private IfNode ParseIf(Token open)
    {
        var branches = new List<IfBranch>();
        var condition = ParseExpression();
        while (true)
        {
            Expect(TokenKind.TagClose);
            var body = ParseBody(IfEnds, out var end);
            branches.Add(new IfBranch(condition, body));
            switch (end!.Value.Value)
            {
                case "elseif" or "elif":
                    condition = ParseExpression();
                    continue;
                case "else":
                    Expect(TokenKind.TagClose);
                    var elseBody = ParseBody(EndIf, out _);
                    Expect(TokenKind.TagClose);
                    return new IfNode(branches, elseBody, open.Line, open.Column);
                default:
                    Expect(TokenKind.TagClose);
                    return new IfNode(branches, null, open.Line, open.Column);
            }
        }
    }

    private ForNode ParseFor(Token open)
    {
        var variable = Expect(TokenKind.Name).Value;
        string? valueVariable = null;
        if (AcceptOperator(","))
        {
            valueVariable = Expect(TokenKind.Name).Value;
        }

        Expect(TokenKind.Name, "in");
        var source = ParseExpression();
        Expect(TokenKind.TagClose);
        var body = ParseBody(ForEnds, out var end);
        Expect(TokenKind.TagClose);
        IReadOnlyList<Node>? elseBody = null;
        if (end!.Value.Value == "else")
        {
            elseBody = ParseBody(EndFor, out _);
            Expect(TokenKind.TagClose);
        }

        return new ForNode(variable, valueVariable, source, body, elseBody, open.Line, open.Column);
    }

    private SetNode ParseSet(Token open)
    {
        var name = Expect(TokenKind.Name).Value;
        Expect(TokenKind.Operator, "=");
        var value = ParseExpression();
        Expect(TokenKind.TagClose);
        return new SetNode(name, value, open.Line, open.Column);
    }

    private FilterBlockNode ParseRaw(Token open)
    {
        Expect(TokenKind.TagClose);
        var body = ParseBody(EndRaw, out _);
        Expect(TokenKind.TagClose);
        return new FilterBlockNode([], body, open.Line, open.Column);
    }

    private FilterBlockNode ParseFilterBlock(Token open)
    {
        var filters = new List<FilterExpr>();
        var placeholder = new LiteralExpr(null, open.Line, open.Column);
        do
        {
            filters.Add(ParseFilterInvocation(placeholder));
        }
        while (AcceptOperator("|"));

        Expect(TokenKind.TagClose);
        var body = ParseBody(EndFilter, out _);
        Expect(TokenKind.TagClose);
        return new FilterBlockNode(filters, body, open.Line, open.Column);
    }
}

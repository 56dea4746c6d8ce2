namespace Serverless.Engine.Expressions;

/// <summary>An expression node; the position is where the node starts in the template (1-based).</summary>
internal abstract record Expr(int Line, int Column);

internal sealed record LiteralExpr(object? Value, int Line, int Column) : Expr(Line, Column);

/// <summary>A double-quoted string with <c>#{ }</c> parts, concatenated at evaluation.</summary>
internal sealed record InterpolationExpr(IReadOnlyList<Expr> Parts, int Line, int Column) : Expr(Line, Column);

internal sealed record VariableExpr(string Name, int Line, int Column) : Expr(Line, Column);

/// <summary><c>target.name</c>.</summary>
internal sealed record MemberExpr(Expr Target, string Name, int Line, int Column) : Expr(Line, Column);

/// <summary><c>target[key]</c>.</summary>
internal sealed record IndexExpr(Expr Target, Expr Key, int Line, int Column) : Expr(Line, Column);

internal sealed record ListExpr(IReadOnlyList<Expr> Items, int Line, int Column) : Expr(Line, Column);

internal sealed record MapExpr(IReadOnlyList<KeyValuePair<Expr, Expr>> Entries, int Line, int Column) : Expr(Line, Column);

internal sealed record UnaryExpr(string Operator, Expr Operand, int Line, int Column) : Expr(Line, Column);

internal sealed record BinaryExpr(string Operator, Expr Left, Expr Right, int Line, int Column) : Expr(Line, Column);

internal sealed record TernaryExpr(Expr Condition, Expr Then, Expr Else, int Line, int Column) : Expr(Line, Column);

/// <summary><c>subject is [not] name(args)</c>.</summary>
internal sealed record TestExpr(Expr Subject, string Name, bool Negated, IReadOnlyList<Argument> Arguments, int Line, int Column)
    : Expr(Line, Column);

/// <summary><c>input | name(args)</c>.</summary>
internal sealed record FilterExpr(Expr Input, string Name, IReadOnlyList<Argument> Arguments, int Line, int Column)
    : Expr(Line, Column);

/// <summary><c>name(args)</c>.</summary>
internal sealed record CallExpr(string Name, IReadOnlyList<Argument> Arguments, int Line, int Column) : Expr(Line, Column);

/// <summary>A call argument, positional when <see cref="Name"/> is null.</summary>
internal sealed record Argument(string? Name, Expr Value);

/// <summary>A template node: text, a print or a tag.</summary>
internal abstract record Node(int Line, int Column);

internal sealed record TextNode(string Text, int Line, int Column) : Node(Line, Column);

internal sealed record PrintNode(Expr Expression, int Line, int Column) : Node(Line, Column);

internal sealed record IfBranch(Expr Condition, IReadOnlyList<Node> Body);

internal sealed record IfNode(IReadOnlyList<IfBranch> Branches, IReadOnlyList<Node>? Else, int Line, int Column) : Node(Line, Column);

internal sealed record ForNode(string Variable, string? ValueVariable, Expr Source, IReadOnlyList<Node> Body, IReadOnlyList<Node>? Else, int Line, int Column)
    : Node(Line, Column);

internal sealed record SetNode(string Name, Expr Value, int Line, int Column) : Node(Line, Column);

/// <summary><c>{% filter upper | trim %}body{% endfilter %}</c>: the filters apply to the rendered body.</summary>
internal sealed record FilterBlockNode(IReadOnlyList<FilterExpr> Filters, IReadOnlyList<Node> Body, int Line, int Column)
    : Node(Line, Column);

/// <summary>A parsed template: the cached unit. Immutable, shared across threads.</summary>
internal sealed record ParsedTemplate(string Source, IReadOnlyList<Node> Nodes, int Depth)
{
    /// <summary>The expression when the template is exactly one <c>{{ expr }}</c> with only whitespace around it.</summary>
    public Expr? SingleExpression { get; init; }
}

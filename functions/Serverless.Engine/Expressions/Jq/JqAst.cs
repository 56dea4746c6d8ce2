namespace Serverless.Engine.Expressions.Jq;

/// <summary>A parsed jq expression; <see cref="Pos"/> is the offset of its first character.</summary>
internal abstract record JqNode(int Pos);

internal sealed record IdentityNode(int Pos) : JqNode(Pos);

internal sealed record RecurseAllNode(int Pos) : JqNode(Pos);

internal sealed record LiteralNode(int Pos, object? Value) : JqNode(Pos);

internal sealed record IndexNode(int Pos, JqNode Target, JqNode Key) : JqNode(Pos);

internal sealed record SliceNode(int Pos, JqNode Target, JqNode? From, JqNode? To) : JqNode(Pos);

internal sealed record IterateNode(int Pos, JqNode Target) : JqNode(Pos);

/// <summary>String with interpolations; parts are <see cref="string"/> or <see cref="JqNode"/>.</summary>
internal sealed record StringNode(int Pos, IReadOnlyList<object> Parts, string? Format) : JqNode(Pos);

internal sealed record FormatNode(int Pos, string Name) : JqNode(Pos);

internal sealed record ArrayNode(int Pos, JqNode? Body) : JqNode(Pos);

internal sealed record ObjectEntry(JqNode Key, JqNode Value);

internal sealed record ObjectNode(int Pos, IReadOnlyList<ObjectEntry> Entries) : JqNode(Pos);

internal sealed record PipeNode(int Pos, JqNode Left, JqNode Right) : JqNode(Pos);

internal sealed record CommaNode(int Pos, JqNode Left, JqNode Right) : JqNode(Pos);

internal sealed record NegateNode(int Pos, JqNode Operand) : JqNode(Pos);

internal sealed record BinaryNode(int Pos, string Op, JqNode Left, JqNode Right) : JqNode(Pos);

internal sealed record AndNode(int Pos, JqNode Left, JqNode Right) : JqNode(Pos);

internal sealed record OrNode(int Pos, JqNode Left, JqNode Right) : JqNode(Pos);

internal sealed record AlternativeNode(int Pos, JqNode Left, JqNode Right) : JqNode(Pos);

internal sealed record AssignNode(int Pos, string Op, JqNode Target, JqNode Value) : JqNode(Pos);

internal sealed record IfNode(int Pos, JqNode Condition, JqNode Then, JqNode? Else) : JqNode(Pos);

internal sealed record TryNode(int Pos, JqNode Body, JqNode? Catch) : JqNode(Pos);

internal sealed record ReduceNode(int Pos, JqNode Source, JqPattern Pattern, JqNode Init, JqNode Update) : JqNode(Pos);

internal sealed record ForeachNode(int Pos, JqNode Source, JqPattern Pattern, JqNode Init, JqNode Update, JqNode? Extract) : JqNode(Pos);

/// <summary>A function definition; a parameter starting with <c>$</c> is a value parameter.</summary>
internal sealed record FuncDef(int Pos, string Name, IReadOnlyList<string> Params, JqNode Body)
{
    public string Key => FuncKey(Name, Params.Count);

    public static string FuncKey(string name, int arity) => name + "/" + arity;
}

internal sealed record DefNode(int Pos, FuncDef Def, JqNode Rest) : JqNode(Pos);

internal sealed record CallNode(int Pos, string Name, IReadOnlyList<JqNode> Args) : JqNode(Pos)
{
    public string Key => FuncDef.FuncKey(Name, Args.Count);
}

internal sealed record VarNode(int Pos, string Name) : JqNode(Pos);

internal sealed record LocNode(int Pos, int Line) : JqNode(Pos);

/// <summary><c>source as $p1 ?// $p2 | body</c>; several patterns are destructuring alternatives.</summary>
internal sealed record AsNode(int Pos, JqNode Source, IReadOnlyList<JqPattern> Patterns, JqNode Body) : JqNode(Pos);

internal sealed record LabelNode(int Pos, string Name, JqNode Body) : JqNode(Pos);

internal sealed record BreakNode(int Pos, string Name) : JqNode(Pos);

/// <summary>A destructuring pattern.</summary>
internal abstract record JqPattern(int Pos);

internal sealed record VarPattern(int Pos, string Name) : JqPattern(Pos);

internal sealed record ArrayPattern(int Pos, IReadOnlyList<JqPattern> Elements) : JqPattern(Pos);

/// <summary>An object pattern entry: <c>$name</c> (binds and indexes by name), or key expression with a pattern.</summary>
internal sealed record ObjectPatternEntry(string? Var, JqNode? Key, JqPattern? Value);

internal sealed record ObjectPattern(int Pos, IReadOnlyList<ObjectPatternEntry> Entries) : JqPattern(Pos);

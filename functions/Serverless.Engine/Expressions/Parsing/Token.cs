namespace Serverless.Engine.Expressions;

internal enum TokenKind
{
    Text,
    PrintOpen,
    PrintClose,
    TagOpen,
    TagClose,
    Name,
    Number,
    String,
    Operator,
    Eof,
}

/// <summary>One lexeme with its 1-based position in the template; <see cref="Literal"/> holds parsed values.</summary>
internal readonly record struct Token(TokenKind Kind, string Value, int Line, int Column, object? Literal = null)
{
    public bool Is(TokenKind kind, string value) => Kind == kind && string.Equals(Value, value, StringComparison.Ordinal);

    public bool IsOperator(string value) => Is(TokenKind.Operator, value);

    public bool IsName(string value) => Is(TokenKind.Name, value);

    public override string ToString() => Kind switch
    {
        TokenKind.Eof => "end of expression",
        TokenKind.Text => "text",
        TokenKind.String => $"string \"{Value}\"",
        _ => $"'{Value}'",
    };
}

/// <summary>A piece of an interpolated double-quoted string: literal text or an expression source.</summary>
internal sealed record StringPart(string Text, bool IsExpression, int Line, int Column);

namespace Serverless.Engine.Expressions;

/// <summary>
/// The only exception the expression engine lets escape: parse errors, undefined variables, bad filter
/// arguments, limit breaches and wrapped host-function failures all surface as this type, so callers can
/// turn it into a task failure without catching everything.
/// </summary>
public sealed class ExpressionException : Exception
{
    private const int MaxQuotedLength = 300;

    public ExpressionException()
        : this("Expression error")
    {
    }

    public ExpressionException(string message)
        : base(message)
    {
        Template = string.Empty;
        Reason = message;
    }

    public ExpressionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Template = string.Empty;
        Reason = message;
    }

    internal ExpressionException(string template, int line, int column, string reason, Exception? inner = null)
        : base(Format(template, line, column, reason), inner)
    {
        Template = template;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>The full template (or bare expression) that failed.</summary>
    public string Template { get; }

    /// <summary>1-based line inside <see cref="Template"/>, 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column inside <see cref="Template"/>, 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>The message without the template and position prefix.</summary>
    public string Reason { get; }

    private static string Format(string template, int line, int column, string reason)
    {
        var quoted = template.Length > MaxQuotedLength ? string.Concat(template.AsSpan(0, MaxQuotedLength), "…") : template;
        return line > 0
            ? $"Unable to render `{quoted}` at {line}:{column}: {reason}"
            : $"Unable to render `{quoted}`: {reason}";
    }
}

namespace Serverless.Engine.Expressions.Jq;

/// <summary>
/// A jq program that does not compile (syntax error, undefined function, variable or label). It carries the
/// position inside the program text so validation can point at the offending character of a flow file.
/// </summary>
public sealed class JqException : Exception
{
    public JqException()
        : this("jq: compile error")
    {
    }

    public JqException(string message)
        : base(message)
    {
        Reason = message;
    }

    public JqException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    internal JqException(string program, int offset, string reason)
        : base(Format(program, offset, reason, out var line, out var column))
    {
        Reason = reason;
        Offset = offset;
        Line = line;
        Column = column;
    }

    /// <summary>0-based character offset of the error inside the program, -1 when unknown.</summary>
    public int Offset { get; } = -1;

    /// <summary>1-based line of the error inside the program, 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column of the error inside the program, 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>The message without the position.</summary>
    public string Reason { get; }

    private static string Format(string program, int offset, string reason, out int line, out int column)
    {
        line = 1;
        column = 1;
        for (var i = 0; i < offset && i < program.Length; i++)
        {
            if (program[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return $"jq: error: {reason} at line {line}, column {column}";
    }
}

/// <summary>
/// A jq run-time error (<c>error(v)</c>, a type error, a limit). It carries the jq value so <c>try … catch</c>
/// hands the program exactly what jq would; it never escapes <see cref="JqProgram"/> unwrapped for callers
/// other than the interpreter itself.
/// </summary>
public sealed class JqRuntimeException : Exception
{
    public JqRuntimeException()
        : this("jq: error")
    {
    }

    public JqRuntimeException(string message)
        : base(message)
    {
        Value = message;
    }

    public JqRuntimeException(string message, Exception innerException)
        : base(message, innerException)
    {
        Value = message;
    }

    internal JqRuntimeException(object? value, bool limit = false)
        : base(Describe(value))
    {
        Value = value;
        IsLimit = limit;
    }

    /// <summary>The error value (a message string for built-in errors).</summary>
    public object? Value { get; }

    /// <summary>A resource limit was hit; <c>try</c> does not catch these.</summary>
    public bool IsLimit { get; }

    private static string Describe(object? value) => value switch
    {
        string s => s,
        null => "null (null)",
        _ => JqJson.Write(value) + " (not a string)",
    };
}

namespace Serverless.Engine.Expressions.Jq;

/// <summary>
/// A value flowing through the interpreter. In path mode (inside <c>path(f)</c>, assignments, <c>del</c>)
/// <see cref="P"/> is where the value sits in the original input, or null when the value was computed and
/// so is not a path (jq's "Invalid path expression").
/// </summary>
internal readonly record struct Pv(object? V, JqPath? P);

/// <summary>An immutable path (a linked list from the leaf up) so appending is O(1) and shares prefixes.</summary>
internal sealed class JqPath
{
    public static readonly JqPath Root = new(null, null, 0);

    private JqPath(JqPath? parent, object? key, int count)
    {
        Parent = parent;
        Key = key;
        Count = count;
    }

    public JqPath? Parent { get; }

    public object? Key { get; }

    public int Count { get; }

    public JqPath Append(object? key) => new(this, key, Count + 1);

    public JqPath AppendAll(IReadOnlyList<object?> keys)
    {
        var p = this;
        foreach (var k in keys)
        {
            p = p.Append(k);
        }

        return p;
    }

    public List<object?> ToList()
    {
        var keys = new object?[Count];
        var p = this;
        for (var i = Count - 1; i >= 0; i--)
        {
            keys[i] = p!.Key;
            p = p.Parent;
        }

        return [.. keys];
    }
}

/// <summary>
/// Lexical environment: a linked list of frames, each binding one variable, function, closure parameter
/// or label. Function frames are their own closure environment, which gives recursion for free.
/// </summary>
internal sealed class JqEnv
{
    public static readonly JqEnv Empty = new(null);

    private JqEnv(JqEnv? parent) => Parent = parent;

    public JqEnv? Parent { get; }

    public string? VarName { get; private init; }

    public object? VarValue { get; private init; }

    public string? FuncKey { get; private init; }

    public FuncDef? Def { get; private init; }

    /// <summary>A closure parameter: the argument expression and the caller's environment.</summary>
    public JqNode? ArgNode { get; private init; }

    public JqEnv? ArgEnv { get; private init; }

    public bool ArgIsValue { get; private init; }

    public string? LabelName { get; private init; }

    public object? LabelToken { get; private init; }

    public JqEnv WithVar(string name, object? value) => new(this) { VarName = name, VarValue = value };

    public JqEnv WithDef(FuncDef def) => new(this) { FuncKey = def.Key, Def = def };

    public JqEnv WithClosure(string name, JqNode arg, JqEnv argEnv) => new(this) { FuncKey = name + "/0", ArgNode = arg, ArgEnv = argEnv };

    /// <summary>A <c>$name</c> parameter is also callable as <c>name</c>, yielding the value.</summary>
    public JqEnv WithValueParam(string name, object? value) =>
        new(WithVar(name, value)) { FuncKey = name + "/0", VarValue = value, ArgIsValue = true };

    public JqEnv WithLabel(string name, object token) => new(this) { LabelName = name, LabelToken = token };

    public bool TryGetVar(string name, out object? value)
    {
        for (var e = this; e is not null; e = e.Parent)
        {
            if (e.VarName == name)
            {
                value = e.VarValue;
                return true;
            }
        }

        value = null;
        return false;
    }

    public JqEnv? FindFunc(string key)
    {
        for (var e = this; e is not null; e = e.Parent)
        {
            if (e.FuncKey == key)
            {
                return e;
            }
        }

        return null;
    }

    public object? FindLabel(string name)
    {
        for (var e = this; e is not null; e = e.Parent)
        {
            if (e.LabelName == name)
            {
                return e.LabelToken;
            }
        }

        return null;
    }
}

/// <summary>Thrown by <c>break $label</c>; caught only by the <c>label</c> that created the token.</summary>
internal sealed class JqBreakException(object token) : Exception("break")
{
    public object Token { get; } = token;
}

/// <summary>Thrown by <c>halt</c>: the program stops, keeping what it already produced.</summary>
internal sealed class JqHaltException() : Exception("halt");

using System.Text;

namespace Serverless.Engine.Expressions;

internal sealed partial class Evaluator
{
    /// <summary>Strict evaluation: undefined variables and keys are errors.</summary>
    public object? Eval(Expr expr) => Guarded(expr, lenient: false);

    /// <summary>Lenient evaluation for <c>??</c>, <c>is defined</c> and <c>default</c>: missing yields <see cref="Undefined"/>.</summary>
    public object? EvalLenient(Expr expr) => Guarded(expr, lenient: true);

    /// <summary>
    /// Deepest expression nesting evaluated. Recursion, not the stack probe alone, bounds it: unwinding an
    /// exception through thousands of frames can itself exhaust a small thread stack.
    /// </summary>
    private const int MaxEvalDepth = 400;

    private object? Guarded(Expr expr, bool lenient)
    {
        ValueText.EnsureStack();
        if (_counters.EvalDepth >= MaxEvalDepth)
        {
            throw Fail(expr.Line, expr.Column, $"expression nested deeper than {MaxEvalDepth} levels (a very long chain of operators?)");
        }

        object? value;
        _counters.EvalDepth++;
        try
        {
            value = EvalCore(expr, lenient);
        }
        catch (ExpressionException ex) when (ex.Line == 0 && ex.Template.Length == 0)
        {
            throw Fail(expr.Line, expr.Column, ex.Reason, ex.InnerException);
        }
        catch (ExpressionException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw Fail(expr.Line, expr.Column, ex.Message, ex);
        }
        finally
        {
            _counters.EvalDepth--;
        }

        if (value is string s && s.Length > Limits.MaxOutputLength)
        {
            throw Fail(expr.Line, expr.Column, $"string exceeds the limit of {Limits.MaxOutputLength} characters");
        }

        return value;
    }

    private object? EvalCore(Expr expr, bool lenient) => expr switch
    {
        LiteralExpr literal => literal.Value,
        InterpolationExpr interpolation => Interpolate(interpolation),
        VariableExpr variable => LookupVariable(variable, lenient),
        MemberExpr member => ReadMember(member, lenient),
        IndexExpr index => ReadIndex(index, lenient),
        ListExpr list => BuildList(list),
        MapExpr map => BuildMap(map),
        UnaryExpr unary => EvalUnary(unary),
        BinaryExpr binary => EvalBinary(binary),
        TernaryExpr ternary => ValueOps.IsTruthy(Eval(ternary.Condition)) ? Eval(ternary.Then) : Eval(ternary.Else),
        TestExpr test => EvalTest(test),
        FilterExpr filter => ApplyFilter(filter, null, evaluateInput: true),
        CallExpr call => CallFunction(call),
        _ => throw new ExpressionException($"unsupported expression {expr.GetType().Name}"),
    };

    private string Interpolate(InterpolationExpr expr)
    {
        var sb = new StringBuilder();
        foreach (var part in expr.Parts)
        {
            sb.Append(ValueText.ToText(Unwrap(Eval(part))));
        }

        return sb.ToString();
    }

    private List<object?> BuildList(ListExpr expr)
    {
        var list = new List<object?>(expr.Items.Count);
        foreach (var item in expr.Items)
        {
            list.Add(Unwrap(Eval(item)));
        }

        return list;
    }

    private OrderedMap BuildMap(MapExpr expr)
    {
        var map = new OrderedMap(expr.Entries.Count);
        foreach (var (key, value) in expr.Entries)
        {
            map.Set(ValueText.ToText(Eval(key)), Unwrap(Eval(value)));
        }

        return map;
    }

    /// <summary>The variable as visible here: loop and set locals first, then the scope's variables.</summary>
    public bool TryLookup(string name, out object? value)
    {
        for (var i = _locals.Count - 1; i >= 0; i--)
        {
            if (_locals[i].TryGetValue(name, out value))
            {
                return true;
            }
        }

        if (Scope.Variables.TryGetValue(name, out value))
        {
            value = ValueConverter.Normalize(value);
            return true;
        }

        return false;
    }

    private object? LookupVariable(VariableExpr expr, bool lenient)
    {
        if (TryLookup(expr.Name, out var value))
        {
            return value;
        }

        return lenient ? Undefined.Instance : throw new ExpressionException($"variable '{expr.Name}' is not defined");
    }

    private object? ReadMember(MemberExpr expr, bool lenient)
    {
        var target = EvalCore(expr.Target, lenient);
        return Read(target, expr.Name, expr, lenient);
    }

    private object? ReadIndex(IndexExpr expr, bool lenient)
    {
        var target = EvalCore(expr.Target, lenient);
        var key = Unwrap(Eval(expr.Key));
        if (key is long or double && ValueConverter.Normalize(target) is IReadOnlyList<object?>)
        {
            return Read(target, (long)ValueOps.ToDouble(key), expr, lenient);
        }

        return Read(target, ValueText.ToText(key), expr, lenient);
    }

    private object? Read(object? target, object key, Expr expr, bool lenient)
    {
        target = ValueConverter.Normalize(target);
        switch (target)
        {
            case Undefined:
                return Undefined.Instance;
            case null:
                return lenient ? Undefined.Instance
                    : throw new ExpressionException($"cannot read '{key}' of null: '{PathText(expr)}' is not defined");
            case IReadOnlyDictionary<string, object?> map:
                var name = key as string ?? ValueText.ToText(key);
                if (map.TryGetValue(name, out var value))
                {
                    return ValueConverter.Normalize(value);
                }

                return lenient ? Undefined.Instance : throw new ExpressionException($"variable '{PathText(expr)}' is not defined");
            case IReadOnlyList<object?> list:
                long index;
                if (key is long l)
                {
                    index = l;
                }
                else if (!long.TryParse((string)key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out index))
                {
                    return lenient ? Undefined.Instance : throw new ExpressionException($"cannot read '{key}' of a list: '{PathText(expr)}' is not defined");
                }

                if (index >= 0 && index < list.Count)
                {
                    return ValueConverter.Normalize(list[(int)index]);
                }

                return lenient ? Undefined.Instance
                    : throw new ExpressionException($"index {index} is out of range for '{PathText(expr)}' (list of {list.Count})");
            default:
                return lenient ? Undefined.Instance
                    : throw new ExpressionException($"cannot read '{key}' of a {ValueOps.TypeName(target)}: '{PathText(expr)}' is not defined");
        }
    }

    /// <summary>Source-like text of an access path, for messages: <c>outputs['my-task'].value</c>.</summary>
    private static string PathText(Expr expr) => expr switch
    {
        VariableExpr v => v.Name,
        MemberExpr m => PathText(m.Target) + "." + m.Name,
        IndexExpr { Key: LiteralExpr { Value: string s } } i => PathText(i.Target) + "['" + s + "']",
        IndexExpr { Key: LiteralExpr { Value: long n } } i => PathText(i.Target) + "[" + n + "]",
        IndexExpr i => PathText(i.Target) + "[...]",
        _ => "(expression)",
    };
}

namespace Serverless.Engine.Expressions;

internal sealed partial class Evaluator
{
    private object? EvalUnary(UnaryExpr expr)
    {
        if (expr.Operator == "not")
        {
            return !ValueOps.IsTruthy(Eval(expr.Operand));
        }

        var value = ValueConverter.Normalize(Eval(expr.Operand));
        return (expr.Operator, value) switch
        {
            ("-", long l) => (object)unchecked(-l),
            ("-", double d) => -d,
            ("+", long or double) => value,
            _ => throw new ExpressionException($"operator '{expr.Operator}' cannot be applied to a {ValueOps.TypeName(value)}"),
        };
    }

    private object? EvalBinary(BinaryExpr expr)
    {
        switch (expr.Operator)
        {
            case "and":
                return ValueOps.IsTruthy(Eval(expr.Left)) && ValueOps.IsTruthy(Eval(expr.Right));
            case "or":
                return ValueOps.IsTruthy(Eval(expr.Left)) || ValueOps.IsTruthy(Eval(expr.Right));
            case "??":
                var left = EvalLenient(expr.Left);
                return left is null or Undefined ? Eval(expr.Right) : left;
            case "???":
                var maybe = EvalLenient(expr.Left);
                return maybe is Undefined ? Eval(expr.Right) : maybe;
        }

        var a = ValueConverter.Normalize(Unwrap(Eval(expr.Left)));
        var b = ValueConverter.Normalize(Unwrap(Eval(expr.Right)));
        return expr.Operator switch
        {
            "==" or "equals" => ValueOps.AreEqual(a, b),
            "!=" => !ValueOps.AreEqual(a, b),
            "<" => ValueOps.Compare(a, b) < 0,
            ">" => ValueOps.Compare(a, b) > 0,
            "<=" => ValueOps.Compare(a, b) <= 0,
            ">=" => ValueOps.Compare(a, b) >= 0,
            "in" => ValueOps.Contains(b, a),
            "not in" => !ValueOps.Contains(b, a),
            "contains" => ValueOps.Contains(a, b),
            "~" => ValueText.ToText(a) + ValueText.ToText(b),
            ".." => Range(a, b, 1),
            _ => Arithmetic(expr.Operator, a, b),
        };
    }

    /// <summary>Inclusive range, as Pebble's <c>1..3</c> and <c>range(1, 3)</c>.</summary>
    public List<object?> Range(object? from, object? to, long step)
    {
        if (from is not long start || to is not long end)
        {
            throw new ExpressionException($"range bounds must be integers, got '{ValueText.ToText(from)}' and '{ValueText.ToText(to)}'");
        }

        if (step == 0)
        {
            throw new ExpressionException("range step must not be zero");
        }

        var count = step > 0 ? (end >= start ? ((end - start) / step) + 1 : 0) : (start >= end ? ((start - end) / -step) + 1 : 0);
        CheckSize(count);
        var list = new List<object?>((int)count);
        for (long i = 0, v = start; i < count; i++, v += step)
        {
            list.Add(v);
        }

        return list;
    }

    private object? Arithmetic(string op, object? a, object? b)
    {
        if (op == "+")
        {
            switch (a, b)
            {
                case (IReadOnlyList<object?> x, IReadOnlyList<object?> y):
                    CheckSize((long)x.Count + y.Count);
                    return x.Concat(y).ToList();
                case (IReadOnlyList<object?> x, _):
                    CheckSize(x.Count + 1L);
                    return x.Append(b).ToList();
                case (string, _) or (_, string):
                    return ValueText.ToText(a) + ValueText.ToText(b);
            }
        }

        if (a is null || b is null)
        {
            throw new ExpressionException($"operator '{op}' cannot be applied to null");
        }

        if (a is long x1 && b is long y1)
        {
            return op switch
            {
                "+" => unchecked(x1 + y1),
                "-" => unchecked(x1 - y1),
                "*" => unchecked(x1 * y1),
                "/" => y1 == 0 ? throw new ExpressionException("division by zero")
                    : (y1 == -1 ? unchecked(-x1) : (x1 % y1 == 0 ? x1 / y1 : (object)((double)x1 / y1))),
                "%" => y1 == 0 ? throw new ExpressionException("division by zero") : (y1 == -1 ? 0L : x1 % y1),
                _ => throw new ExpressionException($"unknown operator '{op}'"),
            };
        }

        if (a is not (long or double) || b is not (long or double))
        {
            throw new ExpressionException($"operator '{op}' cannot be applied to a {ValueOps.TypeName(a)} and a {ValueOps.TypeName(b)}");
        }

        var x2 = ValueOps.ToDouble(a);
        var y2 = ValueOps.ToDouble(b);
        return op switch
        {
            "+" => x2 + y2,
            "-" => x2 - y2,
            "*" => x2 * y2,
            "/" => y2 == 0 ? throw new ExpressionException("division by zero") : x2 / y2,
            "%" => y2 == 0 ? throw new ExpressionException("division by zero") : x2 % y2,
            _ => throw new ExpressionException($"unknown operator '{op}'"),
        };
    }
}

namespace Serverless.Engine.Expressions;

internal sealed partial class Evaluator
{
    private FunctionArguments EvalArguments(IReadOnlyList<Argument> arguments)
    {
        if (arguments.Count == 0)
        {
            return FunctionArguments.Empty;
        }

        var positional = new List<object?>();
        Dictionary<string, object?>? named = null;
        foreach (var argument in arguments)
        {
            var value = Unwrap(Eval(argument.Value));
            if (argument.Name is null)
            {
                positional.Add(value);
            }
            else
            {
                named ??= new Dictionary<string, object?>(StringComparer.Ordinal);
                named[argument.Name] = value;
            }
        }

        return new FunctionArguments(positional, named);
    }

    private object? ApplyFilter(FilterExpr filter, object? input, bool evaluateInput = false)
    {
        if (evaluateInput)
        {
            input = filter.Name == "default" ? EvalLenient(filter.Input) : Eval(filter.Input);
        }

        var args = EvalArguments(filter.Arguments);
        try
        {
            if (filter.Name == "default")
            {
                return ValueOps.IsEmpty(input) ? args.Get(0, "default") : input;
            }

            if (!FilterRegistry.TryGet(filter.Name, out var function))
            {
                throw new ExpressionException($"unknown filter '{filter.Name}'");
            }

            return ValueConverter.Normalize(function(ValueConverter.Normalize(Unwrap(input)), args, this));
        }
        catch (ExpressionException ex) when (ex.Line == 0 && ex.Template.Length == 0)
        {
            throw Fail(filter.Line, filter.Column, ex.Reason.StartsWith("unknown filter", StringComparison.Ordinal) ? ex.Reason : $"filter '{filter.Name}': {ex.Reason}", ex.InnerException);
        }
        catch (Exception ex) when (ex is not ExpressionException)
        {
            throw Fail(filter.Line, filter.Column, $"filter '{filter.Name}': {ex.Message}", ex);
        }
    }

    private object? CallFunction(CallExpr call)
    {
        var args = EvalArguments(call.Arguments);
        try
        {
            if (Scope.Functions is not null && Scope.Functions.TryGetValue(call.Name, out var host))
            {
                return ValueConverter.Normalize(host(args, Scope));
            }

            if (!FunctionRegistry.TryGet(call.Name, out var builtin))
            {
                throw new ExpressionException($"unknown function '{call.Name}'");
            }

            return ValueConverter.Normalize(builtin(args, this));
        }
        catch (ExpressionException ex) when (ex.Line == 0 && ex.Template.Length == 0)
        {
            throw Fail(call.Line, call.Column, ex.Reason.StartsWith("unknown function", StringComparison.Ordinal) ? ex.Reason : $"function '{call.Name}': {ex.Reason}", ex.InnerException);
        }
        catch (Exception ex) when (ex is not ExpressionException)
        {
            throw Fail(call.Line, call.Column, $"function '{call.Name}' failed: {ex.Message}", ex);
        }
    }

    private bool EvalTest(TestExpr test)
    {
        var lenient = test.Name is "defined" or "null" or "none" or "empty";
        var subject = lenient ? EvalLenient(test.Subject) : Eval(test.Subject);
        var args = EvalArguments(test.Arguments);
        var value = ValueConverter.Normalize(subject);
        var result = test.Name switch
        {
            "defined" => value is not Undefined,
            "null" or "none" => value is null or Undefined,
            "empty" => ValueOps.IsEmpty(value),
            "even" => value is long l && l % 2 == 0,
            "odd" => value is long l && l % 2 != 0,
            "iterable" => value is IReadOnlyList<object?> or IReadOnlyDictionary<string, object?>,
            "map" => value is IReadOnlyDictionary<string, object?>,
            "list" => value is IReadOnlyList<object?>,
            "string" => value is string,
            "number" => value is long or double,
            "boolean" => value is bool,
            "json" => IsJson(value),
            "divisibleby" => value is long n && args.GetLong(0, "value", 1) is var d && d != 0 && n % d == 0,
            "sameas" => ValueOps.AreEqual(value, args.Get(0, "value")),
            _ => throw Fail(test.Line, test.Column, $"unknown test '{test.Name}'"),
        };
        return test.Negated ? !result : result;
    }

    /// <summary>Kestra's <c>is json</c>: a map or list, or a string holding one complete JSON value.</summary>
    private static bool IsJson(object? value)
    {
        switch (value)
        {
            case IReadOnlyList<object?> or IReadOnlyDictionary<string, object?>:
                return true;
            case string text when !string.IsNullOrWhiteSpace(text):
                try
                {
                    using var document = System.Text.Json.JsonDocument.Parse(text);
                    return true;
                }
                catch (System.Text.Json.JsonException)
                {
                    return false;
                }

            default:
                return false;
        }
    }
}

using System.Diagnostics.CodeAnalysis;

namespace Serverless.Engine.Expressions;

/// <summary>A built-in function; gets the evaluator for scope access (variables, clock, nested render).</summary>
internal delegate object? BuiltinFunction(FunctionArguments args, Evaluator evaluator);

/// <summary>
/// Built-in functions. Host functions in <see cref="ExpressionScope.Functions"/> take precedence, so a host
/// can replace any of these (e.g. a different <c>now()</c>).
/// </summary>
internal static class FunctionRegistry
{
    private static readonly Dictionary<string, BuiltinFunction> Functions = new(StringComparer.Ordinal)
    {
        ["now"] = (_, evaluator) => evaluator.Scope.Now,
        ["json"] = (args, _) => FromJson(args),
        ["fromJson"] = (args, _) => FromJson(args),
        ["range"] = (args, evaluator) => evaluator.Range(args.Get(0, "start"), args.Get(1, "end"), args.GetLong(2, "step", 1)),
        ["max"] = (args, _) => Extreme(args, pickLarger: true),
        ["min"] = (args, _) => Extreme(args, pickLarger: false),
        ["render"] = Render,
        ["currentEachOutput"] = CurrentEachOutput,
        [TasksWithStateFunction.Name] = TasksWithStateFunction.Invoke,
        ["isoDate"] = (args, _) => FilterRegistry.ToDate(args.Get(0, "date"), args.GetString(1, "existingFormat")),
        ["yaml"] = ContextFunctions.Yaml,
        ["printContext"] = ContextFunctions.PrintContext,
    };

    public static bool TryGet(string name, [NotNullWhen(true)] out BuiltinFunction? function)
    {
        if (Functions.TryGetValue(name, out function))
        {
            return true;
        }

        // Random functions: the worker's host functions take precedence; reaching these means orchestration code.
        function = ContextFunctions.RandomNames.Contains(name) ? ContextFunctions.OrchestrationOnly(name) : null;
        return function is not null;
    }

    private static object? FromJson(FunctionArguments args)
    {
        var value = args.Get(0, "json");
        return value is string s ? ValueConverter.ParseJson(s) : value;
    }

    private static object? Extreme(FunctionArguments args, bool pickLarger)
    {
        var values = args.Positional.Count == 1 && ValueConverter.Normalize(args.Positional[0]) is IReadOnlyList<object?> list
            ? list
            : args.Positional;
        if (values.Count == 0)
        {
            throw new ExpressionException("needs at least one value");
        }

        var best = ValueConverter.Normalize(values[0]);
        foreach (var value in values.Skip(1).Select(ValueConverter.Normalize))
        {
            var cmp = ValueOps.Compare(value, best);
            if (pickLarger ? cmp > 0 : cmp < 0)
            {
                best = value;
            }
        }

        return best;
    }

    /// <summary><c>render(expr)</c>: renders a string that itself holds a template, e.g. an input's default.</summary>
    private static object? Render(FunctionArguments args, Evaluator evaluator)
    {
        var value = args.Get(0, "toRender");
        if (value is not string template)
        {
            return value;
        }

        return ExpressionEngine.ContainsTemplate(template) ? evaluator.RenderNested(template) : template;
    }

    /// <summary>
    /// <c>currentEachOutput(outputs.task)</c>: inside nested ForEach loops, outputs of a task that ran per
    /// iteration are keyed by each enclosing loop's value (<c>outputs.t[outer][inner]</c>). We walk that map
    /// with the enclosing values from outermost to innermost: <c>parents[n-1].taskrun.value</c> …
    /// <c>parents[0].taskrun.value</c> (parents[0] is the closest), then <c>taskrun.value</c>. A level whose
    /// key is missing yields null; a non-map at a level is returned as is (the outputs were not keyed deeper).
    /// </summary>
    private static object? CurrentEachOutput(FunctionArguments args, Evaluator evaluator)
    {
        var current = ValueConverter.Normalize(args.Get(0, "outputs"));
        foreach (var key in EnclosingValues(evaluator))
        {
            if (current is not IReadOnlyDictionary<string, object?> map)
            {
                return current;
            }

            current = map.TryGetValue(key, out var next) ? ValueConverter.Normalize(next) : null;
        }

        return current;
    }

    private static List<string> EnclosingValues(Evaluator evaluator)
    {
        var keys = new List<string>();
        if (evaluator.TryLookup("parents", out var parents) && ValueConverter.AsList(parents) is { } list)
        {
            for (var i = list.Count - 1; i >= 0; i--)
            {
                if (TaskRunValue(list[i]) is { } value)
                {
                    keys.Add(value);
                }
            }
        }

        if (evaluator.TryLookup("taskrun", out var taskrun) && ValueConverter.AsMap(taskrun) is { } run
            && run.TryGetValue("value", out var own) && own is not null)
        {
            keys.Add(ExpressionEngine.ToText(own));
        }

        return keys;
    }

    private static string? TaskRunValue(object? parent) =>
        ValueConverter.AsMap(parent) is { } map && map.TryGetValue("taskrun", out var run)
        && ValueConverter.AsMap(run) is { } taskrun && taskrun.TryGetValue("value", out var value) && value is not null
            ? ExpressionEngine.ToText(value)
            : null;
}

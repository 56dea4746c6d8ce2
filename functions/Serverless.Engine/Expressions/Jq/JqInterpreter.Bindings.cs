namespace Serverless.Engine.Expressions.Jq;

internal sealed partial class JqInterpreter
{
    private IEnumerable<Pv> EvalAs(AsNode n, Pv input, JqEnv env, bool paths)
    {
        foreach (var value in Values(n.Source, input.V, env))
        {
            if (n.Patterns.Count == 1)
            {
                foreach (var bound in Bind(n.Patterns[0], value, input.V, env))
                {
                    foreach (var r in Eval(n.Body, input, bound, paths))
                    {
                        yield return r;
                    }
                }

                continue;
            }

            // Destructuring alternatives: every variable of every pattern exists (null unless bound); an
            // error while binding or running the body with one pattern moves on to the next pattern.
            var names = n.Patterns.SelectMany(PatternVars).Distinct(StringComparer.Ordinal).ToList();
            var baseEnv = env;
            foreach (var name in names)
            {
                baseEnv = baseEnv.WithVar(name, null);
            }

            for (var i = 0; i < n.Patterns.Count; i++)
            {
                var last = i == n.Patterns.Count - 1;
                var failed = false;
                using var e = Defer(() => BindThenRun(n.Patterns[i], value, input, baseEnv, n.Body, paths)).GetEnumerator();
                while (true)
                {
                    try
                    {
                        if (!e.MoveNext())
                        {
                            break;
                        }
                    }
                    catch (JqRuntimeException ex) when (!last && !ex.IsLimit)
                    {
                        failed = true;
                        break;
                    }

                    yield return e.Current;
                }

                if (!failed)
                {
                    break;
                }
            }
        }
    }

    private IEnumerable<Pv> BindThenRun(JqPattern pattern, object? value, Pv input, JqEnv env, JqNode body, bool paths)
    {
        foreach (var bound in Bind(pattern, value, input.V, env))
        {
            foreach (var r in Eval(body, input, bound, paths))
            {
                yield return r;
            }
        }
    }

    private static IEnumerable<string> PatternVars(JqPattern pattern) => pattern switch
    {
        VarPattern v => [v.Name],
        ArrayPattern a => a.Elements.SelectMany(PatternVars),
        ObjectPattern o => o.Entries.SelectMany(e =>
            (e.Var is null ? [] : new[] { e.Var }).Concat(e.Value is null ? [] : PatternVars(e.Value))),
        _ => [],
    };

    /// <summary>Every environment a destructuring produces (key expressions may generate several).</summary>
    public IEnumerable<JqEnv> Bind(JqPattern pattern, object? value, object? dot, JqEnv env)
    {
        switch (pattern)
        {
            case VarPattern v:
                return [env.WithVar(v.Name, value)];
            case ArrayPattern a:
                if (value is not (null or IReadOnlyList<object?>))
                {
                    throw new JqRuntimeException($"Cannot index {JqValues.TypeName(value)} with number");
                }

                return BindArray(a, 0, value, dot, env);
            case ObjectPattern o:
                return BindObject(o, 0, value, dot, env);
            default:
                throw new JqRuntimeException("unsupported pattern");
        }
    }

    private IEnumerable<JqEnv> BindArray(ArrayPattern a, int index, object? value, object? dot, JqEnv env)
    {
        if (index == a.Elements.Count)
        {
            yield return env;
            yield break;
        }

        var element = JqOps.Index(value, (long)index);
        foreach (var bound in Bind(a.Elements[index], element, dot, env))
        {
            foreach (var rest in BindArray(a, index + 1, value, dot, bound))
            {
                yield return rest;
            }
        }
    }

    private IEnumerable<JqEnv> BindObject(ObjectPattern o, int index, object? value, object? dot, JqEnv env)
    {
        if (index == o.Entries.Count)
        {
            yield return env;
            yield break;
        }

        var entry = o.Entries[index];
        IEnumerable<object?> keys = entry.Var is not null ? [entry.Var] : Values(entry.Key!, dot, env);
        foreach (var key in keys)
        {
            if (key is not string k)
            {
                throw new JqRuntimeException($"Cannot index {JqValues.TypeName(value)} with {JqValues.TypeName(key)}");
            }

            var field = JqOps.Index(value, k);
            var withVar = entry.Var is null ? env : env.WithVar(entry.Var, field);
            IEnumerable<JqEnv> bound = entry.Value is null ? [withVar] : Bind(entry.Value, field, dot, withVar);
            foreach (var b in bound)
            {
                foreach (var rest in BindObject(o, index + 1, value, dot, b))
                {
                    yield return rest;
                }
            }
        }
    }

    private IEnumerable<Pv> EvalCall(CallNode n, Pv input, JqEnv env, bool paths)
    {
        var frame = env.FindFunc(n.Key);
        if (frame is not null)
        {
            if (frame.ArgIsValue)
            {
                return [new Pv(frame.VarValue, null)];
            }

            if (frame.ArgNode is not null)
            {
                return Eval(frame.ArgNode, input, frame.ArgEnv!, paths);
            }

            return CallDef(frame.Def!, frame, n.Args, input, env, paths);
        }

        if (JqPrelude.Definitions.TryGetValue(n.Key, out var def))
        {
            return CallDef(def, JqEnv.Empty, n.Args, input, env, paths);
        }

        if (JqBuiltins.Natives.TryGetValue(n.Key, out var native))
        {
            return native(this, input, n.Args, env, paths);
        }

        throw new JqRuntimeException($"{n.Key} is not defined");
    }

    private IEnumerable<Pv> CallDef(FuncDef def, JqEnv defEnv, IReadOnlyList<JqNode> args, Pv input, JqEnv callerEnv, bool paths)
    {
        var closureEnv = defEnv;
        var valueParams = new List<(string Name, JqNode Arg)>();
        for (var i = 0; i < def.Params.Count; i++)
        {
            var p = def.Params[i];
            if (p.StartsWith('$'))
            {
                valueParams.Add((p[1..], args[i]));
            }
            else
            {
                closureEnv = closureEnv.WithClosure(p, args[i], callerEnv);
            }
        }

        if (valueParams.Count == 0)
        {
            return Eval(def.Body, input, closureEnv, paths);
        }

        return CallWithValues(def, valueParams, 0, closureEnv, input, callerEnv, paths);
    }

    /// <summary><c>$param</c> arguments multiply out with the first parameter outermost (jq's <c>a as $a | b as $b</c>).</summary>
    private IEnumerable<Pv> CallWithValues(FuncDef def, List<(string Name, JqNode Arg)> valueParams, int index, JqEnv env, Pv input, JqEnv callerEnv, bool paths)
    {
        if (index == valueParams.Count)
        {
            foreach (var r in Eval(def.Body, input, env, paths))
            {
                yield return r;
            }

            yield break;
        }

        var (name, arg) = valueParams[index];
        foreach (var v in Values(arg, input.V, callerEnv))
        {
            foreach (var r in CallWithValues(def, valueParams, index + 1, env.WithValueParam(name, v), input, callerEnv, paths))
            {
                yield return r;
            }
        }
    }
}

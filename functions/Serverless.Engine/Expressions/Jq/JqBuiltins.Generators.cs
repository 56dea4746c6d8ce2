namespace Serverless.Engine.Expressions.Jq;

internal static partial class JqBuiltins
{
    private static void RegisterGenerators(Dictionary<string, JqNative> n)
    {
        n["range/2"] = (it, input, args, env, _) =>
            Product(it, args, input.V, env).SelectMany(a => Range(it, a[0], a[1], 1L));
        n["range/3"] = (it, input, args, env, _) =>
            Product(it, args, input.V, env).SelectMany(a => Range(it, a[0], a[1], a[2]));
        n["limit/2"] = Limit;
        n["first/1"] = (it, input, args, env, paths) => it.Eval(args[0], input, env, paths).Take(1);
        n["last/1"] = Last;
        n["nth/2"] = Nth;
        n["isempty/1"] = (it, input, args, env, _) => [new Pv(!it.Eval(args[0], input, env, false).Any(), null)];
        n["recurse/1"] = (it, input, args, env, paths) => Recurse(it, input, args[0], null, env, paths);
        n["recurse/2"] = (it, input, args, env, paths) => Recurse(it, input, args[0], args[1], env, paths);
        n["repeat/1"] = (it, input, args, env, paths) => Recurse(it, input, args[0], null, env, paths);
        n["until/2"] = (it, input, args, env, paths) => Loop(it, input, args[0], args[1], env, paths, true);
        n["while/2"] = (it, input, args, env, paths) => Loop(it, input, args[0], args[1], env, paths, false);
    }

    private static IEnumerable<Pv> Range(JqInterpreter it, object? from, object? upto, object? by)
    {
        if (from is not (long or double) || upto is not (long or double) || by is not (long or double))
        {
            throw new JqRuntimeException("Range bounds must be numeric");
        }

        if (from is long f && upto is long u && by is long b)
        {
            if (b > 0)
            {
                for (var x = f; x < u; x += b)
                {
                    it.Tick();
                    yield return new Pv(x, null);
                }
            }
            else if (b < 0)
            {
                for (var x = f; x > u; x += b)
                {
                    it.Tick();
                    yield return new Pv(x, null);
                }
            }
            else if (f < u)
            {
                while (true)
                {
                    it.Tick();
                    yield return new Pv(f, null);
                }
            }

            yield break;
        }

        var df = JqValues.ToDouble(from);
        var du = JqValues.ToDouble(upto);
        var db = JqValues.ToDouble(by);
        for (var x = df; db > 0 ? x < du : db < 0 ? x > du : x < du; x += db)
        {
            it.Tick();
            yield return new Pv(JqValues.Number(x), null);
        }
    }

    private static IEnumerable<Pv> Limit(JqInterpreter it, Pv input, IReadOnlyList<JqNode> args, JqEnv env, bool paths)
    {
        foreach (var nv in it.Values(args[0], input.V, env))
        {
            var count = JqValues.ToDouble(nv);
            if (count <= 0)
            {
                if (count < 0)
                {
                    foreach (var r in it.Eval(args[1], input, env, paths))
                    {
                        yield return r;
                    }
                }

                continue;
            }

            var taken = 0;
            foreach (var r in it.Eval(args[1], input, env, paths))
            {
                yield return r;
                if (++taken >= count)
                {
                    break;
                }
            }
        }
    }

    private static IEnumerable<Pv> Last(JqInterpreter it, Pv input, IReadOnlyList<JqNode> args, JqEnv env, bool paths)
    {
        Pv? last = null;
        foreach (var r in it.Eval(args[0], input, env, paths))
        {
            last = r;
        }

        yield return last ?? new Pv(null, null);
    }

    private static IEnumerable<Pv> Nth(JqInterpreter it, Pv input, IReadOnlyList<JqNode> args, JqEnv env, bool paths)
    {
        foreach (var nv in it.Values(args[0], input.V, env))
        {
            var index = JqValues.ToDouble(nv);
            if (index < 0)
            {
                throw new JqRuntimeException("nth doesn't support negative indices");
            }

            var i = 0;
            foreach (var r in it.Eval(args[1], input, env, paths))
            {
                if (i++ >= index)
                {
                    yield return r;
                    break;
                }
            }
        }
    }

    /// <summary><c>recurse(f)</c> / <c>recurse(f; cond)</c> / <c>repeat(f)</c> with an explicit stack (no deep nesting).</summary>
    private static IEnumerable<Pv> Recurse(JqInterpreter it, Pv input, JqNode f, JqNode? cond, JqEnv env, bool paths) =>
        JqInterpreter.DepthFirst(
            input,
            v => it.Eval(f, v, env, paths),
            cond is null ? null : v => it.Values(cond, v.V, env).Any(JqValues.Truthy));

    private sealed class LoopFrame(Pv value, IEnumerator<object?> conditions)
    {
        public Pv Value { get; } = value;

        public IEnumerator<object?> Conditions { get; } = conditions;

        public IEnumerator<Pv>? Updates { get; set; }
    }

    /// <summary>
    /// <c>until(cond; update)</c> (emit when cond holds, else recurse on update) and <c>while(cond; update)</c>
    /// (emit while cond holds, then recurse on update), iteratively with jq's generator order.
    /// </summary>
    private static IEnumerable<Pv> Loop(JqInterpreter it, Pv input, JqNode cond, JqNode update, JqEnv env, bool paths, bool until)
    {
        var stack = new Stack<LoopFrame>();
        stack.Push(new LoopFrame(input, it.Values(cond, input.V, env).GetEnumerator()));
        try
        {
            while (stack.Count > 0)
            {
                var top = stack.Peek();
                if (top.Updates is not null)
                {
                    if (top.Updates.MoveNext())
                    {
                        var u = top.Updates.Current;
                        stack.Push(new LoopFrame(u, it.Values(cond, u.V, env).GetEnumerator()));
                        continue;
                    }

                    top.Updates.Dispose();
                    top.Updates = null;
                }

                if (!top.Conditions.MoveNext())
                {
                    top.Conditions.Dispose();
                    stack.Pop();
                    continue;
                }

                var holds = JqValues.Truthy(top.Conditions.Current);
                if (until && holds)
                {
                    yield return top.Value;
                }
                else if (until || holds)
                {
                    if (!until)
                    {
                        yield return top.Value;
                    }

                    top.Updates = it.Eval(update, top.Value, env, paths).GetEnumerator();
                }
            }
        }
        finally
        {
            foreach (var frame in stack)
            {
                frame.Updates?.Dispose();
                frame.Conditions.Dispose();
            }
        }
    }
}

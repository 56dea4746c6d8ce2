using System.Runtime.CompilerServices;

namespace Serverless.Engine.Expressions.Jq;

/// <summary>
/// Evaluates a parsed program as jq does: every expression is a generator (a lazy stream of outputs), so
/// <c>,</c>, <c>.[]</c>, <c>empty</c> and backtracking fall out of C# iterators. The same walk runs in
/// path mode for <c>path(f)</c>, assignments and <c>del</c>. One instance per run; not thread-safe.
/// </summary>
internal sealed partial class JqInterpreter
{
    private readonly JqOptions _options;
    private long _steps;

    public JqInterpreter(JqOptions options) => _options = options;

    public JqOptions Options => _options;

    public void Tick()
    {
        if (++_steps > _options.MaxSteps)
        {
            throw new JqRuntimeException($"jq program exceeded {_options.MaxSteps} evaluation steps", true);
        }
    }

    public IEnumerable<object?> Values(JqNode node, object? input, JqEnv env)
    {
        foreach (var r in Eval(node, new Pv(input, null), env, false))
        {
            yield return r.V;
        }
    }

    public IEnumerable<Pv> Eval(JqNode node, Pv input, JqEnv env, bool paths)
    {
        Tick();
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new JqRuntimeException("jq program nested or recursed too deeply", true);
        }

        return node switch
        {
            IdentityNode => [input],
            LiteralNode l => [new Pv(l.Value, null)],
            IndexNode n => EvalIndex(n, input, env, paths),
            SliceNode n => EvalSlice(n, input, env, paths),
            IterateNode n => EvalIterate(n, input, env, paths),
            RecurseAllNode => RecurseAll(input, paths),
            PipeNode n => EvalPipe(n, input, env, paths),
            CommaNode n => EvalComma(n, input, env, paths),
            CallNode n => EvalCall(n, input, env, paths),
            VarNode n => [new Pv(LookupVar(n, env), null)],
            LocNode n => [new Pv(JqValues.MapOf([new("file", "<top-level>"), new("line", (long)n.Line)]), null)],
            StringNode n => EvalString(n, input.V, env).Select(s => new Pv(s, null)),
            FormatNode n => [new Pv(JqFormats.Apply(n.Name, input.V), null)],
            ArrayNode n => [new Pv(n.Body is null ? new List<object?>() : CollectArray(n.Body, input.V, env), null)],
            ObjectNode n => EvalObject(n, 0, input.V, env, new OrderedMap()).Select(o => new Pv(o, null)),
            NegateNode n => Values(n.Operand, input.V, env).Select(v => new Pv(JqOps.Negate(v), null)),
            BinaryNode n => EvalBinary(n, input.V, env),
            AndNode n => EvalLogic(n.Left, n.Right, input.V, env, true),
            OrNode n => EvalLogic(n.Left, n.Right, input.V, env, false),
            AlternativeNode n => EvalAlternative(n, input, env, paths),
            AssignNode n => EvalAssign(n, input.V, env).Select(v => new Pv(v, null)),
            IfNode n => EvalIf(n, input, env, paths),
            TryNode n => EvalTry(n, input, env, paths),
            ReduceNode n => EvalReduce(n, input, env, paths),
            ForeachNode n => EvalForeach(n, input, env, paths),
            DefNode n => Eval(n.Rest, input, env.WithDef(n.Def), paths),
            AsNode n => EvalAs(n, input, env, paths),
            LabelNode n => EvalLabel(n, input, env, paths),
            BreakNode n => throw new JqBreakException(env.FindLabel(n.Name) ?? throw new JqRuntimeException($"$*label-{n.Name} is not defined")),
            _ => throw new JqRuntimeException($"unsupported jq node {node.GetType().Name}"),
        };
    }

    /// <summary>
    /// Moves evaluation into the first <c>MoveNext</c>: built-ins may throw as soon as they are called, and
    /// <c>try</c>, <c>//</c>, <c>label</c> and <c>?//</c> must see those errors inside their guarded region.
    /// </summary>
    public static IEnumerable<Pv> Defer(Func<IEnumerable<Pv>> source)
    {
        foreach (var r in source())
        {
            yield return r;
        }
    }

    private object? LookupVar(VarNode n, JqEnv env)
    {
        if (env.TryGetVar(n.Name, out var value))
        {
            return value;
        }

        return n.Name switch
        {
            "ENV" => _options.Environment,
            "__prog_args" => new List<object?>(),
            _ => throw new JqRuntimeException($"${n.Name} is not defined"),
        };
    }

    private List<object?> CollectArray(JqNode body, object? input, JqEnv env)
    {
        var list = new List<object?>();
        foreach (var v in Values(body, input, env))
        {
            Tick();
            list.Add(v);
        }

        return list;
    }

    private IEnumerable<Pv> EvalPipe(PipeNode n, Pv input, JqEnv env, bool paths)
    {
        foreach (var l in Eval(n.Left, input, env, paths))
        {
            foreach (var r in Eval(n.Right, l, env, paths))
            {
                yield return r;
            }
        }
    }

    private IEnumerable<Pv> EvalComma(CommaNode n, Pv input, JqEnv env, bool paths)
    {
        foreach (var l in Eval(n.Left, input, env, paths))
        {
            yield return l;
        }

        foreach (var r in Eval(n.Right, input, env, paths))
        {
            yield return r;
        }
    }

    private IEnumerable<Pv> EvalIndex(IndexNode n, Pv input, JqEnv env, bool paths)
    {
        foreach (var key in Values(n.Key, input.V, env))
        {
            foreach (var t in Eval(n.Target, input, env, paths))
            {
                yield return IndexPv(t, key, paths);
            }
        }
    }

    public static Pv IndexPv(Pv t, object? key, bool paths)
    {
        if (paths && t.P is null)
        {
            throw new JqRuntimeException($"Invalid path expression near attempt to access element {JqJson.Write(key)} of {DumpLong(t.V)}");
        }

        var value = JqOps.Index(t.V, key);
        if (paths && key is long or double && t.V is IReadOnlyList<object?> list && JqValues.ToDouble(key) is var d && d < 0 && d + list.Count >= 0)
        {
            // jq 1.7 records a negative index in a path as the position it resolved to.
            key = JqValues.Number(Math.Floor(d) + list.Count);
        }

        return new Pv(value, paths ? t.P!.Append(key) : null);
    }

    public static string DumpLong(object? v)
    {
        var s = JqJson.Write(v);
        return s.Length > 30 ? string.Concat(s.AsSpan(0, 27), "...") : s;
    }

    private IEnumerable<Pv> EvalSlice(SliceNode n, Pv input, JqEnv env, bool paths)
    {
        IEnumerable<object?> Bound(JqNode? b) => b is null ? [null] : Values(b, input.V, env);
        foreach (var to in Bound(n.To))
        {
            foreach (var from in Bound(n.From))
            {
                var key = JqValues.MapOf([new("start", from), new("end", to)]);
                foreach (var t in Eval(n.Target, input, env, paths))
                {
                    yield return IndexPv(t, key, paths);
                }
            }
        }
    }

    private IEnumerable<Pv> EvalIterate(IterateNode n, Pv input, JqEnv env, bool paths)
    {
        foreach (var t in Eval(n.Target, input, env, paths))
        {
            foreach (var child in Children(t, paths, false))
            {
                yield return child;
            }
        }
    }

    /// <summary>The elements of an array or values of an object, with their paths in path mode.</summary>
    public IEnumerable<Pv> Children(Pv t, bool paths, bool optional)
    {
        if (paths && t.P is null)
        {
            throw new JqRuntimeException($"Invalid path expression near attempt to iterate through {DumpLong(t.V)}");
        }

        switch (t.V)
        {
            case IReadOnlyList<object?> list:
                for (var i = 0; i < list.Count; i++)
                {
                    Tick();
                    yield return new Pv(list[i], paths ? t.P!.Append((long)i) : null);
                }

                break;
            case IReadOnlyDictionary<string, object?> map:
                foreach (var (k, v) in map)
                {
                    Tick();
                    yield return new Pv(v, paths ? t.P!.Append(k) : null);
                }

                break;
            default:
                if (!optional)
                {
                    throw new JqRuntimeException($"Cannot iterate over {(t.V is null ? "null" : JqValues.Describe(t.V))}");
                }

                break;
        }
    }

    /// <summary><c>..</c>: pre-order over every value, iteratively so deep documents do not overflow the stack.</summary>
    private IEnumerable<Pv> RecurseAll(Pv input, bool paths) => DepthFirst(input, v => Children(v, paths, true), null);

    /// <summary>
    /// Pre-order walk: a value, then everything <paramref name="next"/> yields from it, recursively (values
    /// failing <paramref name="keep"/> are dropped with their subtrees). An explicit stack of enumerators keeps
    /// long chains (<c>repeat</c>, deep documents) off the call stack.
    /// </summary>
    public static IEnumerable<Pv> DepthFirst(Pv input, Func<Pv, IEnumerable<Pv>> next, Func<Pv, bool>? keep)
    {
        var stack = new Stack<IEnumerator<Pv>>();
        yield return input;
        stack.Push(next(input).GetEnumerator());
        try
        {
            while (stack.Count > 0)
            {
                var top = stack.Peek();
                if (!top.MoveNext())
                {
                    top.Dispose();
                    stack.Pop();
                    continue;
                }

                var current = top.Current;
                if (keep is not null && !keep(current))
                {
                    continue;
                }

                yield return current;
                stack.Push(next(current).GetEnumerator());
            }
        }
        finally
        {
            while (stack.Count > 0)
            {
                stack.Pop().Dispose();
            }
        }
    }

    private IEnumerable<string> EvalString(StringNode n, object? input, JqEnv env) => StringParts(n, n.Parts.Count - 1, input, env, "");

    /// <summary>Interpolations multiply out with the last one outermost, as jq orders them.</summary>
    private IEnumerable<string> StringParts(StringNode n, int index, object? input, JqEnv env, string suffix)
    {
        if (index < 0)
        {
            yield return suffix;
            yield break;
        }

        if (n.Parts[index] is string literal)
        {
            foreach (var s in StringParts(n, index - 1, input, env, literal + suffix))
            {
                yield return s;
            }

            yield break;
        }

        foreach (var v in Values((JqNode)n.Parts[index], input, env))
        {
            var text = n.Format is null ? JqOps.ToText(v) : JqFormats.Apply(n.Format, v);
            if (text.Length + suffix.Length > _options.MaxStringLength)
            {
                throw new JqRuntimeException($"string longer than {_options.MaxStringLength} characters", true);
            }

            foreach (var s in StringParts(n, index - 1, input, env, text + suffix))
            {
                yield return s;
            }
        }
    }

    private IEnumerable<OrderedMap> EvalObject(ObjectNode n, int index, object? input, JqEnv env, OrderedMap built)
    {
        if (index == n.Entries.Count)
        {
            yield return built;
            yield break;
        }

        var entry = n.Entries[index];
        foreach (var key in Values(entry.Key, input, env))
        {
            if (key is not string k)
            {
                throw new JqRuntimeException(key is null
                    ? "Object keys must be strings"
                    : $"Cannot use {JqValues.Describe(key)} as object key");
            }

            foreach (var value in Values(entry.Value, input, env))
            {
                var next = new OrderedMap(built.Count + 1);
                foreach (var (bk, bv) in built)
                {
                    next.Set(bk, bv);
                }

                next.Set(k, value);
                foreach (var o in EvalObject(n, index + 1, input, env, next))
                {
                    yield return o;
                }
            }
        }
    }

    private IEnumerable<Pv> EvalBinary(BinaryNode n, object? input, JqEnv env)
    {
        foreach (var r in Values(n.Right, input, env))
        {
            foreach (var l in Values(n.Left, input, env))
            {
                yield return new Pv(JqOps.Binary(n.Op, l, r, _options.MaxStringLength), null);
            }
        }
    }

    /// <summary><c>and</c>/<c>or</c>: the right side runs only for left outputs that do not decide the result.</summary>
    private IEnumerable<Pv> EvalLogic(JqNode left, JqNode right, object? input, JqEnv env, bool isAnd)
    {
        foreach (var l in Values(left, input, env))
        {
            if (JqValues.Truthy(l) != isAnd)
            {
                yield return new Pv(!isAnd, null);
                continue;
            }

            foreach (var r in Values(right, input, env))
            {
                yield return new Pv(JqValues.Truthy(r), null);
            }
        }
    }

    private IEnumerable<Pv> EvalAlternative(AlternativeNode n, Pv input, JqEnv env, bool paths)
    {
        var any = false;
        using (var e = Defer(() => Eval(n.Left, input, env, paths)).GetEnumerator())
        {
            while (true)
            {
                try
                {
                    if (!e.MoveNext())
                    {
                        break;
                    }
                }
                catch (JqRuntimeException ex) when (!ex.IsLimit)
                {
                    break;
                }

                if (JqValues.Truthy(e.Current.V))
                {
                    any = true;
                    yield return e.Current;
                }
            }
        }

        if (!any)
        {
            foreach (var r in Eval(n.Right, input, env, paths))
            {
                yield return r;
            }
        }
    }

    private IEnumerable<Pv> EvalIf(IfNode n, Pv input, JqEnv env, bool paths)
    {
        foreach (var c in Values(n.Condition, input.V, env))
        {
            var branch = JqValues.Truthy(c) ? n.Then : n.Else;
            if (branch is null)
            {
                yield return input;
                continue;
            }

            foreach (var r in Eval(branch, input, env, paths))
            {
                yield return r;
            }
        }
    }

    private IEnumerable<Pv> EvalTry(TryNode n, Pv input, JqEnv env, bool paths)
    {
        object? error;
        using (var e = Defer(() => Eval(n.Body, input, env, paths)).GetEnumerator())
        {
            while (true)
            {
                try
                {
                    if (!e.MoveNext())
                    {
                        yield break;
                    }
                }
                catch (JqRuntimeException ex) when (!ex.IsLimit)
                {
                    error = ex.Value;
                    break;
                }

                yield return e.Current;
            }
        }

        if (n.Catch is null)
        {
            yield break;
        }

        foreach (var r in Eval(n.Catch, new Pv(error, null), env, paths))
        {
            yield return r;
        }
    }

    private IEnumerable<Pv> EvalReduce(ReduceNode n, Pv input, JqEnv env, bool paths)
    {
        foreach (var init in Eval(n.Init, input, env, paths))
        {
            var state = init;
            foreach (var item in Values(n.Source, input.V, env))
            {
                foreach (var bound in Bind(n.Pattern, item, input.V, env))
                {
                    var next = new Pv(null, null);
                    foreach (var r in Eval(n.Update, state, bound, paths))
                    {
                        next = r;
                    }

                    state = next;
                }
            }

            yield return state;
        }
    }

    private IEnumerable<Pv> EvalForeach(ForeachNode n, Pv input, JqEnv env, bool paths)
    {
        foreach (var init in Eval(n.Init, input, env, paths))
        {
            var state = init;
            foreach (var item in Values(n.Source, input.V, env))
            {
                foreach (var bound in Bind(n.Pattern, item, input.V, env))
                {
                    foreach (var r in Eval(n.Update, state, bound, paths).ToList())
                    {
                        state = r;
                        if (n.Extract is null)
                        {
                            yield return r;
                            continue;
                        }

                        foreach (var x in Eval(n.Extract, r, bound, paths))
                        {
                            yield return x;
                        }
                    }
                }
            }
        }
    }

    private IEnumerable<Pv> EvalLabel(LabelNode n, Pv input, JqEnv env, bool paths)
    {
        var token = new object();
        using var e = Defer(() => Eval(n.Body, input, env.WithLabel(n.Name, token), paths)).GetEnumerator();
        while (true)
        {
            try
            {
                if (!e.MoveNext())
                {
                    yield break;
                }
            }
            catch (JqBreakException ex) when (ex.Token == token)
            {
                yield break;
            }

            yield return e.Current;
        }
    }
}

namespace Serverless.Engine.Expressions.Jq;

internal sealed partial class JqInterpreter
{
    /// <summary>The paths <paramref name="f"/> denotes in <paramref name="input"/> (jq's <c>path(f)</c>).</summary>
    public IEnumerable<List<object?>> Paths(JqNode f, object? input, JqEnv env)
    {
        foreach (var r in Eval(f, new Pv(input, JqPath.Root), env, true))
        {
            if (r.P is null)
            {
                throw new JqRuntimeException($"Invalid path expression with result {DumpLong(r.V)}");
            }

            yield return r.P.ToList();
        }
    }

    private IEnumerable<object?> EvalAssign(AssignNode n, object? input, JqEnv env)
    {
        switch (n.Op)
        {
            case "=":
                foreach (var value in Values(n.Value, input, env))
                {
                    var result = input;
                    foreach (var path in Paths(n.Target, input, env).ToList())
                    {
                        Tick();
                        result = JqOps.SetPath(result, path, 0, value);
                    }

                    yield return result;
                }

                break;
            case "|=":
                yield return Modify(n.Target, input, env, v => FirstOrNone(Eval(n.Value, new Pv(v, null), env, false)));
                break;
            default:
                var op = n.Op[..^1];
                foreach (var rhs in Values(n.Value, input, env))
                {
                    yield return op == "//"
                        ? Modify(n.Target, input, env, v => (true, JqValues.Truthy(v) ? v : rhs))
                        : Modify(n.Target, input, env, v => (true, JqOps.Binary(op, v, rhs, _options.MaxStringLength)));
                }

                break;
        }
    }

    private static (bool Found, object? Value) FirstOrNone(IEnumerable<Pv> outputs)
    {
        foreach (var r in outputs)
        {
            return (true, r.V);
        }

        return (false, null);
    }

    /// <summary>
    /// jq 1.7's <c>_modify</c>: each path gets the first output of the update; a path whose update is empty
    /// is deleted, after all updates, so deletions do not shift the indices of later paths.
    /// </summary>
    private object? Modify(JqNode target, object? input, JqEnv env, Func<object?, (bool Found, object? Value)> update)
    {
        var result = input;
        var deletions = new List<object?>();
        foreach (var path in Paths(target, input, env).ToList())
        {
            Tick();
            var (found, value) = update(JqOps.GetPath(result, path, 0));
            if (found)
            {
                result = JqOps.SetPath(result, path, 0, value);
            }
            else
            {
                deletions.Add(path);
            }
        }

        return deletions.Count == 0 ? result : JqOps.DelPaths(result, deletions);
    }
}

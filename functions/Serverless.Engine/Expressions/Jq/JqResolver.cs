namespace Serverless.Engine.Expressions.Jq;

/// <summary>
/// Compile-time check that every called function (by name and arity) and every variable is defined where it
/// is used, with jq's lexical scoping, so a bad program fails at <c>validate</c> rather than mid-run.
/// </summary>
internal static class JqResolver
{
    private sealed record Scope(Scope? Parent, string Name, bool IsVar)
    {
        public static bool Has(Scope? s, string name, bool isVar)
        {
            for (; s is not null; s = s.Parent)
            {
                if (s.Name == name && s.IsVar == isVar)
                {
                    return true;
                }
            }

            return false;
        }
    }

    public static void Check(string program, JqNode root) => Walk(program, root, null, 0);

    private static void Walk(string program, JqNode node, Scope? scope, int depth)
    {
        if (depth > 2000)
        {
            throw new JqException(program, node.Pos, "program nested too deeply");
        }

        depth++;
        switch (node)
        {
            case CallNode c:
                if (!Scope.Has(scope, c.Key, false) && !JqPrelude.Definitions.ContainsKey(c.Key) && !JqBuiltins.Natives.ContainsKey(c.Key))
                {
                    throw new JqException(program, c.Pos, $"{c.Key} is not defined");
                }

                foreach (var a in c.Args)
                {
                    Walk(program, a, scope, depth);
                }

                break;
            case VarNode v:
                if (!Scope.Has(scope, v.Name, true) && v.Name is not ("ENV" or "__prog_args"))
                {
                    throw new JqException(program, v.Pos, $"${v.Name} is not defined");
                }

                break;
            case DefNode d:
                var inner = new Scope(scope, d.Def.Key, false);
                var body = inner;
                foreach (var p in d.Def.Params)
                {
                    body = p.StartsWith('$')
                        ? new Scope(new Scope(body, p[1..], true), p[1..] + "/0", false)
                        : new Scope(body, p + "/0", false);
                }

                Walk(program, d.Def.Body, body, depth);
                Walk(program, d.Rest, inner, depth);
                break;
            case AsNode a:
                Walk(program, a.Source, scope, depth);
                var bound = scope;
                foreach (var pattern in a.Patterns)
                {
                    bound = WalkPattern(program, pattern, scope, bound, depth);
                }

                Walk(program, a.Body, bound, depth);
                break;
            case ReduceNode r:
                Walk(program, r.Source, scope, depth);
                Walk(program, r.Init, scope, depth);
                Walk(program, r.Update, WalkPattern(program, r.Pattern, scope, scope, depth), depth);
                break;
            case ForeachNode f:
                Walk(program, f.Source, scope, depth);
                Walk(program, f.Init, scope, depth);
                var withVars = WalkPattern(program, f.Pattern, scope, scope, depth);
                Walk(program, f.Update, withVars, depth);
                if (f.Extract is not null)
                {
                    Walk(program, f.Extract, withVars, depth);
                }

                break;
            default:
                foreach (var child in Children(node))
                {
                    Walk(program, child, scope, depth);
                }

                break;
        }
    }

    /// <summary>Checks a pattern's key expressions and returns the scope with its variables added.</summary>
    private static Scope? WalkPattern(string program, JqPattern pattern, Scope? outer, Scope? bound, int depth)
    {
        switch (pattern)
        {
            case VarPattern v:
                return new Scope(bound, v.Name, true);
            case ArrayPattern a:
                foreach (var e in a.Elements)
                {
                    bound = WalkPattern(program, e, outer, bound, depth);
                }

                return bound;
            case ObjectPattern o:
                foreach (var e in o.Entries)
                {
                    if (e.Var is not null)
                    {
                        bound = new Scope(bound, e.Var, true);
                    }

                    if (e.Key is not null)
                    {
                        Walk(program, e.Key, bound, depth);
                    }

                    if (e.Value is not null)
                    {
                        bound = WalkPattern(program, e.Value, outer, bound, depth);
                    }
                }

                return bound;
            default:
                return bound;
        }
    }

    private static IEnumerable<JqNode> Children(JqNode node) => node switch
    {
        IndexNode n => [n.Target, n.Key],
        SliceNode n => new[] { n.Target, n.From, n.To }.OfType<JqNode>(),
        IterateNode n => [n.Target],
        StringNode n => n.Parts.OfType<JqNode>(),
        ArrayNode n => n.Body is null ? [] : [n.Body],
        ObjectNode n => n.Entries.SelectMany(e => new[] { e.Key, e.Value }),
        PipeNode n => [n.Left, n.Right],
        CommaNode n => [n.Left, n.Right],
        NegateNode n => [n.Operand],
        BinaryNode n => [n.Left, n.Right],
        AndNode n => [n.Left, n.Right],
        OrNode n => [n.Left, n.Right],
        AlternativeNode n => [n.Left, n.Right],
        AssignNode n => [n.Target, n.Value],
        IfNode n => new[] { n.Condition, n.Then, n.Else }.OfType<JqNode>(),
        TryNode n => new[] { n.Body, n.Catch }.OfType<JqNode>(),
        LabelNode n => [n.Body],
        _ => [],
    };
}

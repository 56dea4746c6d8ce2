namespace Serverless.Engine.Expressions;

public sealed partial class ExpressionEngine
{
    /// <summary>
    /// Root variable names a template reads (<c>outputs</c>, <c>inputs</c>...), so callers can send only the
    /// context it needs. Best effort: names bound by <c>for</c>/<c>set</c> are excluded, and templates reached
    /// through <c>render()</c> are not seen. Unparsable templates yield an empty set.
    /// </summary>
    public IReadOnlySet<string> RootVariables(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (!ContainsTemplate(template))
        {
            return names;
        }

        try
        {
            var bound = new HashSet<string>(StringComparer.Ordinal) { "loop" };
            Collect(GetTemplate(template).Nodes, names, bound);
            names.ExceptWith(bound);
        }
        catch (ExpressionException)
        {
            names.Clear();
        }
        catch (InsufficientExecutionStackException)
        {
            names.Clear();
        }

        return names;
    }

    private static void Collect(IReadOnlyList<Node> nodes, HashSet<string> names, HashSet<string> bound)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case PrintNode print:
                    Collect(print.Expression, names);
                    break;
                case IfNode ifNode:
                    foreach (var branch in ifNode.Branches)
                    {
                        Collect(branch.Condition, names);
                        Collect(branch.Body, names, bound);
                    }

                    Collect(ifNode.Else ?? [], names, bound);
                    break;
                case ForNode forNode:
                    Collect(forNode.Source, names);
                    bound.Add(forNode.Variable);
                    if (forNode.ValueVariable is not null)
                    {
                        bound.Add(forNode.ValueVariable);
                    }

                    Collect(forNode.Body, names, bound);
                    Collect(forNode.Else ?? [], names, bound);
                    break;
                case SetNode set:
                    Collect(set.Value, names);
                    bound.Add(set.Name);
                    break;
                case FilterBlockNode block:
                    foreach (var filter in block.Filters)
                    {
                        Collect(filter, names);
                    }

                    Collect(block.Body, names, bound);
                    break;
            }
        }
    }

    private static void Collect(Expr expr, HashSet<string> names)
    {
        ValueText.EnsureStack();
        switch (expr)
        {
            case VariableExpr v:
                names.Add(v.Name);
                break;
            case MemberExpr m:
                Collect(m.Target, names);
                break;
            case IndexExpr i:
                Collect(i.Target, names);
                Collect(i.Key, names);
                break;
            case InterpolationExpr s:
                s.Parts.ToList().ForEach(p => Collect(p, names));
                break;
            case ListExpr l:
                l.Items.ToList().ForEach(p => Collect(p, names));
                break;
            case MapExpr map:
                foreach (var (key, value) in map.Entries)
                {
                    Collect(key, names);
                    Collect(value, names);
                }

                break;
            case UnaryExpr u:
                Collect(u.Operand, names);
                break;
            case BinaryExpr b:
                Collect(b.Left, names);
                Collect(b.Right, names);
                break;
            case TernaryExpr t:
                Collect(t.Condition, names);
                Collect(t.Then, names);
                Collect(t.Else, names);
                break;
            case TestExpr t:
                Collect(t.Subject, names);
                t.Arguments.ToList().ForEach(a => Collect(a.Value, names));
                break;
            case FilterExpr f:
                Collect(f.Input, names);
                f.Arguments.ToList().ForEach(a => Collect(a.Value, names));
                break;
            case CallExpr c:
                c.Arguments.ToList().ForEach(a => Collect(a.Value, names));
                if (c.Name == "currentEachOutput")
                {
                    names.Add("taskrun");
                    names.Add("parents");
                }

                if (c.Name == TasksWithStateFunction.Name)
                {
                    names.Add("tasks");
                }

                break;
        }
    }
}

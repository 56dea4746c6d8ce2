namespace Serverless.Engine.Expressions;

public sealed partial class ExpressionEngine
{
    private static readonly IReadOnlySet<string> NoKeys = new HashSet<string>();

    /// <summary>
    /// The task ids whose outputs a template reads (<c>outputs.first</c>, <c>outputs['first']</c>), so a caller
    /// can hand over only those outputs; null when the template reads <c>outputs</c> another way
    /// (<c>outputs[name]</c>, <c>outputs | keys</c>, <c>render(...)</c>) and every output may be needed.
    /// Unparsable templates read nothing (rendering them fails whatever the outputs are).
    /// </summary>
    public IReadOnlySet<string>? OutputKeys(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (!ContainsTemplate(template))
        {
            return NoKeys;
        }

        if (template.Contains("render", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            return Expressions(GetTemplate(template).Nodes).All(e => CollectOutputKeys(e, keys)) ? keys : null;
        }
        catch (Exception e) when (e is ExpressionException or InsufficientExecutionStackException)
        {
            return NoKeys;
        }
    }

    /// <summary>Adds the output keys <paramref name="expr"/> reads; false when it reads <c>outputs</c> as a whole.</summary>
    private static bool CollectOutputKeys(Expr expr, HashSet<string> keys)
    {
        ValueText.EnsureStack();
        switch (expr)
        {
            case MemberExpr { Target: VariableExpr { Name: "outputs" } } member:
                keys.Add(member.Name);
                return true;
            case IndexExpr { Target: VariableExpr { Name: "outputs" }, Key: LiteralExpr { Value: string key } }:
                keys.Add(key);
                return true;
            case VariableExpr { Name: "outputs" }:
                return false;
            default:
                return Children(expr).All(child => CollectOutputKeys(child, keys));
        }
    }

    /// <summary>Every expression directly inside <paramref name="nodes"/> and their bodies.</summary>
    private static IEnumerable<Expr> Expressions(IReadOnlyList<Node> nodes) => nodes.SelectMany(node => node switch
    {
        PrintNode print => [print.Expression],
        IfNode ifNode => ifNode.Branches
            .SelectMany(b => Expressions(b.Body).Prepend(b.Condition))
            .Concat(Expressions(ifNode.Else ?? [])),
        ForNode forNode => Expressions(forNode.Body).Concat(Expressions(forNode.Else ?? [])).Prepend(forNode.Source),
        SetNode set => [set.Value],
        FilterBlockNode block => block.Filters.Cast<Expr>().Concat(Expressions(block.Body)),
        _ => [],
    });

    /// <summary>The direct sub-expressions of <paramref name="expr"/>.</summary>
    private static IEnumerable<Expr> Children(Expr expr) => expr switch
    {
        MemberExpr m => [m.Target],
        IndexExpr i => [i.Target, i.Key],
        InterpolationExpr s => s.Parts,
        ListExpr l => l.Items,
        MapExpr map => map.Entries.SelectMany(e => new[] { e.Key, e.Value }),
        UnaryExpr u => [u.Operand],
        BinaryExpr b => [b.Left, b.Right],
        TernaryExpr t => [t.Condition, t.Then, t.Else],
        TestExpr t => t.Arguments.Select(a => a.Value).Prepend(t.Subject),
        FilterExpr f => f.Arguments.Select(a => a.Value).Prepend(f.Input),
        CallExpr c => c.Arguments.Select(a => a.Value),
        _ => [],
    };
}

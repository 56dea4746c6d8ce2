using System.Text;

namespace Serverless.Engine.Expressions;

internal sealed partial class Evaluator
{
    private void RenderNodes(IReadOnlyList<Node> nodes, StringBuilder sb)
    {
        ValueText.EnsureStack();
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode text:
                    Append(sb, text.Text, node);
                    break;
                case PrintNode print:
                    Append(sb, ValueText.ToText(Unwrap(Eval(print.Expression))), node);
                    break;
                case IfNode ifNode:
                    RenderIf(ifNode, sb);
                    break;
                case ForNode forNode:
                    RenderFor(forNode, sb);
                    break;
                case SetNode set:
                    Assign(set.Name, Unwrap(Eval(set.Value)));
                    break;
                case FilterBlockNode block:
                    RenderFilterBlock(block, sb);
                    break;
                default:
                    throw Fail(node.Line, node.Column, $"unsupported node {node.GetType().Name}");
            }
        }
    }

    private static object? Unwrap(object? value) => value is Undefined ? null : value;

    private void RenderIf(IfNode node, StringBuilder sb)
    {
        foreach (var branch in node.Branches)
        {
            if (ValueOps.IsTruthy(Eval(branch.Condition)))
            {
                RenderNodes(branch.Body, sb);
                return;
            }
        }

        if (node.Else is not null)
        {
            RenderNodes(node.Else, sb);
        }
    }

    private void RenderFor(ForNode node, StringBuilder sb)
    {
        var source = ValueConverter.Normalize(Eval(node.Source));
        var items = source switch
        {
            null => [],
            IReadOnlyList<object?> list => list,
            IReadOnlyDictionary<string, object?> map => map.Select(object? (kv) => Entry(kv.Key, kv.Value)).ToList(),
            _ => throw Fail(node.Source.Line, node.Source.Column, $"cannot iterate over a {ValueOps.TypeName(source)}"),
        };

        if (items.Count == 0)
        {
            if (node.Else is not null)
            {
                RenderNodes(node.Else, sb);
            }

            return;
        }

        var frame = new Dictionary<string, object?>(StringComparer.Ordinal);
        _locals.Add(frame);
        try
        {
            for (var i = 0; i < items.Count; i++)
            {
                CountIteration(node);
                var item = ValueConverter.Normalize(items[i]);
                if (node.ValueVariable is null)
                {
                    frame[node.Variable] = item;
                }
                else if (item is OrderedMap entry && source is IReadOnlyDictionary<string, object?>)
                {
                    frame[node.Variable] = entry["key"];
                    frame[node.ValueVariable] = entry["value"];
                }
                else
                {
                    frame[node.Variable] = (long)i;
                    frame[node.ValueVariable] = item;
                }

                var loop = new OrderedMap(6);
                loop.Set("index", (long)i);
                loop.Set("revindex", (long)(items.Count - i - 1));
                loop.Set("first", i == 0);
                loop.Set("last", i == items.Count - 1);
                loop.Set("length", (long)items.Count);
                frame["loop"] = loop;
                RenderNodes(node.Body, sb);
            }
        }
        finally
        {
            _locals.RemoveAt(_locals.Count - 1);
        }
    }

    /// <summary>A map entry as seen by <c>for</c>: <c>entry.key</c> and <c>entry.value</c>.</summary>
    public static OrderedMap Entry(string key, object? value)
    {
        var entry = new OrderedMap(2);
        entry.Set("key", key);
        entry.Set("value", value);
        return entry;
    }

    private void Assign(string name, object? value)
    {
        for (var i = _locals.Count - 1; i >= 0; i--)
        {
            if (_locals[i].ContainsKey(name))
            {
                _locals[i][name] = value;
                return;
            }
        }

        _locals[^1][name] = value;
    }

    private void RenderFilterBlock(FilterBlockNode block, StringBuilder sb)
    {
        var inner = new StringBuilder();
        RenderNodes(block.Body, inner);
        object? value = inner.ToString();
        foreach (var filter in block.Filters)
        {
            value = ApplyFilter(filter, value);
        }

        Append(sb, ValueText.ToText(Unwrap(value)), block);
    }
}

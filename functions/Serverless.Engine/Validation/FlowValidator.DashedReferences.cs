using System.Text.RegularExpressions;
using Serverless.Engine.Flows;
using Serverless.Engine.Tasks;

namespace Serverless.Engine.Validation;

/// <summary>
/// <c>{{ inputs.server-fqn }}</c> reads as <c>inputs.server - fqn</c>: a dash in an expression is a subtraction.
/// An input or task id with a dash must be read with brackets (<c>inputs['server-fqn']</c>); Kestra rejects the
/// dot form when saving, and so do we, instead of failing at run time with "variable 'inputs.server' is not defined".
/// </summary>
public static partial class FlowValidator
{
    private static void CheckDashedReferences(Flow flow, TaskTypeRegistry types, ValidationContext context)
    {
        var inputs = flow.Inputs.Select(i => i.Id).Where(IsDashed).ToHashSet(StringComparer.Ordinal);
        var outputs = flow.AllTasks().Select(t => t.Id).Where(IsDashed).ToHashSet(StringComparer.Ordinal);
        if (inputs.Count == 0 && outputs.Count == 0)
        {
            return;
        }

        void Check(object? value, SourcePosition position, string path)
        {
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var text in Strings(value))
            {
                foreach (Match block in ExpressionBlock().Matches(text))
                {
                    foreach (Match reference in DotReference().Matches(block.Value))
                    {
                        var root = reference.Groups["root"].Value;
                        var name = reference.Groups["name"].Value;
                        var id = root == "inputs"
                            ? inputs.FirstOrDefault(i => name == i || name.StartsWith(i + ".", StringComparison.Ordinal))
                            : outputs.Contains(name.Split('.')[0]) ? name.Split('.')[0] : null;
                        if (id is not null && reported.Add(root + "." + id))
                        {
                            var kind = root == "inputs" ? "input" : "output";
                            context.Add(position, path,
                                $"invalid {kind} reference '{root}.{id}': a '-' in an expression is a subtraction; keys with dashes need bracket notation: {root}['{id}']");
                        }
                    }
                }
            }
        }

        foreach (var (task, path) in TaskPaths.Of(flow, types))
        {
            Check(task.RunIf, task.PositionOf("runIf"), path + ".runIf");
            foreach (var (name, value) in task.Properties)
            {
                Check(value, task.PositionOf(name), $"{path}.{name}");
            }
        }

        for (var i = 0; i < flow.Outputs.Count; i++)
        {
            Check(flow.Outputs[i].Value, flow.Outputs[i].Position, $"outputs[{i}].value");
        }
    }

    private static bool IsDashed(string id) => id.Contains('-', StringComparison.Ordinal);

    /// <summary>Every string in a property value, nested lists and maps (keys too) included.</summary>
    private static IEnumerable<string> Strings(object? value) => value switch
    {
        string text => [text],
        IEnumerable<KeyValuePair<string, object?>> map => map.SelectMany(p => Strings(p.Key).Concat(Strings(p.Value))),
        IEnumerable<object?> list => list.SelectMany(Strings),
        _ => [],
    };

    /// <summary>A <c>{{ … }}</c> or <c>{% … %}</c> block, the only places where a reference is read as code.</summary>
    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ExpressionBlock();

    /// <summary><c>inputs.NAME</c> or <c>outputs.NAME</c> read with a dot, NAME taken with its dashes (and, for inputs, dots).</summary>
    [GeneratedRegex(@"(?<![\w.])(?<root>inputs|outputs)\s*\.\s*(?<name>[\w-]+(?:\.[\w-]+)*)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DotReference();
}

using Serverless.Engine.Expressions;
using Serverless.Engine.Flows;
using Serverless.Engine.Tasks;
using YamlDotNet.RepresentationModel;

namespace Serverless.Engine.Parsing;

/// <summary>Scalar and kind checks shared by every section.</summary>
internal sealed partial class FlowReader
{
    private string? RequiredString(YamlNode parent, YamlNode? node, string path)
    {
        if (node is null)
        {
            Context.Add(YamlValues.PositionOf(parent), path, $"missing required property '{LastSegment(path)}'");
            return null;
        }

        var text = OptionalString(node, path);
        if (text is { Length: 0 })
        {
            Context.Add(YamlValues.PositionOf(node), path, $"'{LastSegment(path)}' must not be empty");
        }

        return text;
    }

    private string? OptionalString(YamlNode? node, string path)
    {
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode scalar:
                return YamlValues.Scalar(scalar) is null ? null : scalar.Value;
            default:
                Context.Add(YamlValues.PositionOf(node), path, $"'{LastSegment(path)}' must be a string, not a {Describe(node)}");
                return null;
        }
    }

    private long? ReadInteger(YamlNode node, string path)
    {
        if (node is YamlScalarNode scalar && YamlValues.Scalar(scalar) is long value)
        {
            return value;
        }

        Context.Add(YamlValues.PositionOf(node), path, $"'{LastSegment(path)}' must be a whole number");
        return null;
    }

    private bool? ReadBool(YamlNode node, string path)
    {
        if (node is YamlScalarNode scalar)
        {
            switch (YamlValues.Scalar(scalar))
            {
                case bool b:
                    return b;
                case string s when bool.TryParse(s, out var parsed):
                    return parsed;
            }
        }

        Context.Add(YamlValues.PositionOf(node), path, $"'{LastSegment(path)}' must be true or false");
        return null;
    }

    private TimeSpan? ReadDuration(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } text } && Durations.TryParse(text, out var duration))
        {
            return duration;
        }

        Context.Add(YamlValues.PositionOf(node), path, $"'{LastSegment(path)}' must be an ISO-8601 duration such as PT30S or PT1H");
        return null;
    }

    private Dictionary<string, object?> ReadMap(YamlNode node, string path)
    {
        if (node is YamlMappingNode)
        {
            return (Dictionary<string, object?>)YamlValues.ToPlain(node, _budget)!;
        }

        if (!IsNull(node))
        {
            Context.Add(YamlValues.PositionOf(node), path, $"'{LastSegment(path)}' must be a map, not a {Describe(node)}");
        }

        return [];
    }

    /// <summary>Checks a property value against its declared kind; expressions are accepted for any scalar kind.</summary>
    private void CheckKind(YamlNode node, PropertySpec spec, string path)
    {
        if (node is YamlScalarNode scalar)
        {
            var value = YamlValues.Scalar(scalar);
            if (value is string text && ExpressionEngine.ContainsTemplate(text))
            {
                return;
            }

            var ok = spec.Kind switch
            {
                PropertyKind.Boolean => value is bool or null,
                PropertyKind.Integer => value is long or null,
                PropertyKind.Number => value is long or double or null,
                PropertyKind.Duration => value is null || (value is string d && Durations.TryParse(d, out _)),
                PropertyKind.List or PropertyKind.Map => value is null || value is string,
                _ => true,
            };
            if (!ok)
            {
                Context.Add(YamlValues.PositionOf(node), path, $"'{spec.Name}' must be {KindText(spec.Kind)}, not '{scalar.Value}'");
            }

            return;
        }

        var shapeOk = spec.Kind switch
        {
            PropertyKind.List => node is YamlSequenceNode,
            PropertyKind.Map => node is YamlMappingNode,
            PropertyKind.StringOrList => node is YamlSequenceNode,
            PropertyKind.Any => true,
            _ => false,
        };
        if (!shapeOk)
        {
            Context.Add(YamlValues.PositionOf(node), path, $"'{spec.Name}' must be {KindText(spec.Kind)}, not a {Describe(node)}");
        }
    }

    private static bool IsNull(YamlNode node) => node is YamlScalarNode scalar && YamlValues.Scalar(scalar) is null;

    private static string KindText(PropertyKind kind) => kind switch
    {
        PropertyKind.Boolean => "true or false",
        PropertyKind.Integer => "a whole number",
        PropertyKind.Number => "a number",
        PropertyKind.Duration => "an ISO-8601 duration such as PT30S",
        PropertyKind.List => "a list",
        PropertyKind.Map => "a map",
        PropertyKind.StringOrList => "a string or a list of strings",
        PropertyKind.Tasks => "a list of tasks",
        PropertyKind.TaskMap => "a map of task lists",
        PropertyKind.DagTasks => "a list of {task, dependsOn}",
        _ => "a string",
    };

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "map",
        YamlSequenceNode => "list",
        _ => "value",
    };

    private static string LastSegment(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot >= 0 ? path[(dot + 1)..] : path;
    }
}

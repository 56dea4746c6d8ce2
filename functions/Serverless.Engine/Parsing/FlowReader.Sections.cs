using System.Text.RegularExpressions;
using Serverless.Engine.Flows;
using Serverless.Engine.Inputs;
using Serverless.Engine.Tasks;
using YamlDotNet.RepresentationModel;

namespace Serverless.Engine.Parsing;

/// <summary>Reading the flow's sections other than tasks.</summary>
internal sealed partial class FlowReader
{
    private static readonly HashSet<string> InputKeys =
    [
        "id", "name", "type", "required", "defaults", "description", "displayName", "dependsOn", "validator", "min",
        "max", "values", "options", "allowCustomValue", "itemType", "expression", "autoSelectFirst", "isRadio",
        "prefill", "allowedFileExtensions",
    ];

    private static readonly HashSet<string> RetryKeys =
        ["type", "interval", "maxInterval", "minInterval", "delayFactor", "maxAttempt", "maxAttempts", "maxDuration", "warningOnRetry", "behavior"];

    private List<Label> ReadLabels(YamlNode node)
    {
        var labels = new List<Label>();
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    labels.Add(new Label(YamlValues.KeyText(key), ScalarText(value, $"labels.{YamlValues.KeyText(key)}")));
                }

                break;
            case YamlSequenceNode list:
                for (var i = 0; i < list.Children.Count; i++)
                {
                    if (list.Children[i] is YamlMappingNode item && item.Children.Count == 2
                        && item.Children.TryGetValue(new YamlScalarNode("key"), out var k) && item.Children.TryGetValue(new YamlScalarNode("value"), out var v))
                    {
                        labels.Add(new Label(ScalarText(k, $"labels[{i}].key"), ScalarText(v, $"labels[{i}].value")));
                    }
                    else
                    {
                        Context.Add(YamlValues.PositionOf(list.Children[i]), $"labels[{i}]", "a label in a list is a map with 'key' and 'value'");
                    }
                }

                break;
            default:
                Context.Add(YamlValues.PositionOf(node), "labels", "'labels' must be a map or a list of {key, value}");
                break;
        }

        foreach (var (label, position) in labels.Zip(LabelPositions(node)))
        {
            if (label.Key.StartsWith("system.", StringComparison.Ordinal))
            {
                Context.Add(position, "labels." + label.Key, $"label '{label.Key}' uses the reserved 'system.' prefix: system labels can only be set by the engine");
            }
        }

        return labels;
    }

    private static IEnumerable<SourcePosition> LabelPositions(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.Select(p => YamlValues.PositionOf(p.Key)),
        YamlSequenceNode list => list.Children.Select(YamlValues.PositionOf),
        _ => [],
    };

    private string ScalarText(YamlNode node, string path)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value ?? "";
        }

        Context.Add(YamlValues.PositionOf(node), path, "must be a string");
        return "";
    }

    private List<InputDefinition> ReadInputs(YamlNode node)
    {
        var inputs = new List<InputDefinition>();
        if (node is not YamlSequenceNode list)
        {
            Context.Add(YamlValues.PositionOf(node), "inputs", "'inputs' must be a list");
            return inputs;
        }

        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = $"inputs[{i}]";
            if (list.Children[i] is not YamlMappingNode item)
            {
                Context.Add(YamlValues.PositionOf(list.Children[i]), path, "an input is a map with 'id' and 'type'");
                continue;
            }

            var values = (Dictionary<string, object?>)YamlValues.ToPlain(item, _budget)!;
            foreach (var key in item.Children.Keys.Where(k => !InputKeys.Contains(YamlValues.KeyText(k))))
            {
                Context.Add(YamlValues.PositionOf(key), $"{path}.{YamlValues.KeyText(key)}", $"unknown property '{YamlValues.KeyText(key)}' of an input");
            }

            var idNode = item.Children.FirstOrDefault(p => YamlValues.KeyText(p.Key) is "id" or "name").Value;
            var id = RequiredString(item, idNode, path + ".id");
            if (id is { Length: > 0 } && !InputIdPattern().IsMatch(id))
            {
                Context.Add(YamlValues.PositionOf(idNode!), path + ".id", $"invalid input id '{id}': it must match {InputIdPattern()}");
            }

            var typeNode = item.Children.FirstOrDefault(p => YamlValues.KeyText(p.Key) == "type").Value;
            var type = RequiredString(item, typeNode, path + ".type")?.ToUpperInvariant();
            if (type is { Length: > 0 } && !InputTypes.IsKnown(type))
            {
                Context.Add(YamlValues.PositionOf(typeNode!), path + ".type", $"unknown input type '{type}' (expected one of {string.Join(", ", InputTypes.Names)})");
            }

            inputs.Add(new InputDefinition
            {
                Id = id ?? "",
                Type = type ?? "STRING",
                Required = values.GetValueOrDefault("required") is not false,
                Defaults = values.GetValueOrDefault("defaults"),
                Description = values.GetValueOrDefault("description") as string,
                DisplayName = values.GetValueOrDefault("displayName") as string,
                DependsOn = values.GetValueOrDefault("dependsOn") is Dictionary<string, object?> deps && deps.GetValueOrDefault("inputs") is List<object?> ids
                    ? [.. ids.Select(x => x?.ToString() ?? "")]
                    : [],
                Properties = values,
                Position = YamlValues.PositionOf(item),
            });
        }

        return inputs;
    }

    private List<FlowOutput> ReadOutputs(YamlNode node)
    {
        var outputs = new List<FlowOutput>();
        if (node is not YamlSequenceNode list)
        {
            Context.Add(YamlValues.PositionOf(node), "outputs", "'outputs' must be a list of {id, type, value}");
            return outputs;
        }

        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = $"outputs[{i}]";
            if (list.Children[i] is not YamlMappingNode item)
            {
                Context.Add(YamlValues.PositionOf(list.Children[i]), path, "an output is a map with 'id', 'type' and 'value'");
                continue;
            }

            var values = (Dictionary<string, object?>)YamlValues.ToPlain(item, _budget)!;
            foreach (var key in item.Children.Keys.Where(k => YamlValues.KeyText(k) is not ("id" or "type" or "value" or "description" or "displayName" or "required")))
            {
                Context.Add(YamlValues.PositionOf(key), $"{path}.{YamlValues.KeyText(key)}", $"unknown property '{YamlValues.KeyText(key)}' of an output");
            }

            var id = RequiredString(item, item.Children.FirstOrDefault(p => YamlValues.KeyText(p.Key) == "id").Value, path + ".id");
            if (!values.ContainsKey("value"))
            {
                Context.Add(YamlValues.PositionOf(item), path + ".value", "missing required property 'value'");
            }

            outputs.Add(new FlowOutput(id ?? "", values.GetValueOrDefault("value"), (values.GetValueOrDefault("type") as string ?? "STRING").ToUpperInvariant(),
                values.GetValueOrDefault("description") as string, YamlValues.PositionOf(item))
            {
                Required = values.GetValueOrDefault("required") is not false,
            });
        }

        return outputs;
    }

    private List<TriggerDefinition> ReadTriggers(YamlNode node)
    {
        var triggers = new List<TriggerDefinition>();
        if (node is not YamlSequenceNode list)
        {
            Context.Add(YamlValues.PositionOf(node), "triggers", "'triggers' must be a list");
            return triggers;
        }

        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = $"triggers[{i}]";
            if (list.Children[i] is not YamlMappingNode item)
            {
                Context.Add(YamlValues.PositionOf(list.Children[i]), path, "a trigger is a map with 'id' and 'type'");
                continue;
            }

            var id = RequiredString(item, item.Children.FirstOrDefault(p => YamlValues.KeyText(p.Key) == "id").Value, path + ".id");
            var typeNode = item.Children.FirstOrDefault(p => YamlValues.KeyText(p.Key) == "type").Value;
            var typeName = RequiredString(item, typeNode, path + ".type");
            var type = typeName is null ? null : _triggers.Find(typeName);
            if (typeName is { Length: > 0 } && type is null)
            {
                Context.Add(YamlValues.PositionOf(typeNode!), path + ".type", $"unknown trigger type '{typeName}'");
            }

            var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
            var disabled = false;
            foreach (var (keyNode, valueNode) in item.Children)
            {
                var key = YamlValues.KeyText(keyNode);
                if (key is "id" or "type")
                {
                    continue;
                }

                if (key == "disabled")
                {
                    disabled = ReadBool(valueNode, $"{path}.disabled") ?? false;
                    continue;
                }

                if (key == "workerGroup")
                {
                    Context.Add(YamlValues.PositionOf(keyNode), $"{path}.{key}", "'workerGroup' is not supported");
                    continue;
                }

                var spec = type?.Properties.FirstOrDefault(p => p.Name == key);
                if (type is not null && spec is null)
                {
                    Context.Add(YamlValues.PositionOf(keyNode), $"{path}.{key}", $"unknown property '{key}' for trigger type {type.Name}");
                    continue;
                }

                if (spec is not null)
                {
                    CheckKind(valueNode, spec, $"{path}.{key}");
                }

                properties[key] = YamlValues.ToPlain(valueNode, _budget);
            }

            foreach (var spec in type?.Properties.Where(p => p.Required && !properties.ContainsKey(p.Name)) ?? [])
            {
                Context.Add(YamlValues.PositionOf(item), $"{path}.{spec.Name}", $"missing required property '{spec.Name}' for trigger type {type!.Name}");
            }

            triggers.Add(new TriggerDefinition(id ?? "", type?.Name ?? typeName ?? "", properties, disabled, YamlValues.PositionOf(item)));
        }

        return triggers;
    }

    private List<PluginDefault> ReadPluginDefaults(YamlNode node, string path)
    {
        var defaults = new List<PluginDefault>();
        if (node is not YamlSequenceNode list)
        {
            Context.Add(YamlValues.PositionOf(node), path, $"'{path}' must be a list of {{type, forced, values}}");
            return defaults;
        }

        for (var i = 0; i < list.Children.Count; i++)
        {
            if (YamlValues.ToPlain(list.Children[i], _budget) is not Dictionary<string, object?> item || item.GetValueOrDefault("type") is not string type)
            {
                Context.Add(YamlValues.PositionOf(list.Children[i]), $"{path}[{i}]", "a plugin default is a map with 'type' and 'values'");
                continue;
            }

            defaults.Add(new PluginDefault(type, item.GetValueOrDefault("forced") is true,
                item.GetValueOrDefault("values") as Dictionary<string, object?> ?? []));
        }

        return defaults;
    }

    private ConcurrencyLimit? ReadConcurrency(YamlNode node)
    {
        var map = ReadMap(node, "concurrency");
        if (map.GetValueOrDefault("limit") is not long limit || limit < 1)
        {
            Context.Add(YamlValues.PositionOf(node), "concurrency.limit", "'limit' must be a whole number of at least 1");
            return null;
        }

        var behavior = (map.GetValueOrDefault("behavior") as string)?.ToUpperInvariant() switch
        {
            null or "QUEUE" => ConcurrencyBehavior.Queue,
            "CANCEL" => ConcurrencyBehavior.Cancel,
            "FAIL" => ConcurrencyBehavior.Fail,
            var other => Invalid(other),
        };
        return new ConcurrencyLimit((int)limit, behavior);

        ConcurrencyBehavior Invalid(string value)
        {
            Context.Add(YamlValues.PositionOf(node), "concurrency.behavior", $"unknown concurrency behavior '{value}' (expected QUEUE, CANCEL or FAIL)");
            return ConcurrencyBehavior.Queue;
        }
    }

    private RetryPolicy? ReadRetry(YamlNode node, string path)
    {
        if (node is not YamlMappingNode mapping)
        {
            Context.Add(YamlValues.PositionOf(node), path, "'retry' must be a map with type, interval, maxAttempt…");
            return null;
        }

        foreach (var key in mapping.Children.Keys.Where(k => !RetryKeys.Contains(YamlValues.KeyText(k))))
        {
            Context.Add(YamlValues.PositionOf(key), $"{path}.{YamlValues.KeyText(key)}", $"unknown property '{YamlValues.KeyText(key)}' of a retry");
        }

        YamlNode? Node(string key) => mapping.Children.FirstOrDefault(p => YamlValues.KeyText(p.Key) == key).Value;
        var kind = (OptionalString(Node("type"), path + ".type") ?? "constant").ToLowerInvariant() switch
        {
            "constant" => RetryKind.Constant,
            "exponential" => RetryKind.Exponential,
            "random" => RetryKind.Random,
            var other => InvalidKind(other),
        };
        var attemptsNode = Node("maxAttempt") ?? Node("maxAttempts");
        return new RetryPolicy
        {
            Kind = kind,
            Interval = Node("interval") is { } interval ? ReadDuration(interval, path + ".interval") ?? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(1),
            MaxInterval = Node("maxInterval") is { } maxInterval ? ReadDuration(maxInterval, path + ".maxInterval") : null,
            MinInterval = Node("minInterval") is { } minInterval ? ReadDuration(minInterval, path + ".minInterval") : null,
            DelayFactor = Node("delayFactor") is YamlScalarNode factor && YamlValues.Scalar(factor) is long or double ? Convert.ToDouble(YamlValues.Scalar(factor), System.Globalization.CultureInfo.InvariantCulture) : 2,
            MaxAttempt = attemptsNode is null ? null : (int?)ReadInteger(attemptsNode, path + ".maxAttempt"),
            MaxDuration = Node("maxDuration") is { } maxDuration ? ReadDuration(maxDuration, path + ".maxDuration") : null,
            WarningOnRetry = Node("warningOnRetry") is { } warning && (ReadBool(warning, path + ".warningOnRetry") ?? false),
        };

        RetryKind InvalidKind(string value)
        {
            Context.Add(YamlValues.PositionOf(Node("type")!), path + ".type", $"unknown retry type '{value}' (expected constant, exponential or random)");
            return RetryKind.Constant;
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9][.a-zA-Z0-9_-]*$")]
    private static partial Regex InputIdPattern();
}

using System.Text.RegularExpressions;
using Serverless.Engine.Flows;
using Serverless.Engine.Tasks;
using YamlDotNet.RepresentationModel;

namespace Serverless.Engine.Parsing;

/// <summary>Reading tasks: common properties, type-specific properties, child branches, plugin defaults.</summary>
internal sealed partial class FlowReader
{
    private static readonly HashSet<string> CommonTaskKeys =
    [
        "id", "type", "description", "disabled", "allowFailure", "allowWarning", "runIf", "when", "timeout", "retry",
        "logLevel", "logToFile", "workerGroup", "version",
    ];

    private static readonly HashSet<string> FlowableKeys = ["errors", "finally"];

    private IReadOnlyList<TaskDefinition> ReadTaskList(YamlNode node, string path)
    {
        if (node is YamlScalarNode scalar && YamlValues.Scalar(scalar) is null)
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            Context.Add(YamlValues.PositionOf(node), path, $"'{LastSegment(path)}' must be a list of tasks");
            return [];
        }

        var tasks = new List<TaskDefinition>(sequence.Children.Count);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (ReadTask(sequence.Children[i], $"{path}[{i}]") is { } task)
            {
                tasks.Add(task);
            }
        }

        return tasks;
    }

    private TaskDefinition? ReadTask(YamlNode node, string path, IReadOnlyList<string>? dependsOn = null)
    {
        _budget.Spend(node, 0);
        if (node is not YamlMappingNode mapping)
        {
            Context.Add(YamlValues.PositionOf(node), path, "a task is a map with at least 'id' and 'type'");
            return null;
        }

        // Keys spelled differently in YAML (`type`, "type", !!str type) can name the same property: the first wins.
        var keys = new Dictionary<string, (YamlNode Key, YamlNode Value)>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (!keys.TryAdd(YamlValues.KeyText(keyNode), (keyNode, valueNode)))
            {
                Context.Add(YamlValues.PositionOf(keyNode), path, $"duplicate property '{YamlValues.KeyText(keyNode)}'");
            }
        }

        YamlNode? Node(string key) => keys.TryGetValue(key, out var pair) ? pair.Value : null;

        var id = RequiredString(mapping, Node("id"), path + ".id");
        if (id is { Length: > 0 } && !TaskIdPattern().IsMatch(id))
        {
            Context.Add(YamlValues.PositionOf(Node("id")!), path + ".id", $"invalid task id '{id}': it must match {TaskIdPattern()}");
        }

        var typeName = RequiredString(mapping, Node("type"), path + ".type");
        var type = typeName is null ? null : _tasks.Find(typeName);
        if (typeName is { Length: > 0 } && type is null)
        {
            Context.Add(YamlValues.PositionOf(Node("type")!), path + ".type", $"unknown task type '{typeName}'");
        }

        if (Node("workerGroup") is { } workerGroup)
        {
            Context.Add(YamlValues.PositionOf(workerGroup), path + ".workerGroup", "'workerGroup' is not supported: tasks run on the Functions app's workers");
        }

        if (Node("runIf") is not null && Node("when") is { } when)
        {
            Context.Add(YamlValues.PositionOf(when), path + ".when", "'when' and 'runIf' are the same property (Kestra renamed runIf to when): give only one");
        }

        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        var positions = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        var branches = new List<TaskBranch>();
        var isFlowable = type is FlowableTaskType;
        foreach (var (key, (keyNode, valueNode)) in keys)
        {
            positions[key] = YamlValues.PositionOf(keyNode);
            if (CommonTaskKeys.Contains(key))
            {
                continue;
            }

            if (isFlowable && FlowableKeys.Contains(key))
            {
                branches.Add(new TaskBranch(key, ReadTaskList(valueNode, $"{path}.{key}")));
                continue;
            }

            if (type is null)
            {
                continue;
            }

            var spec = type.Properties.FirstOrDefault(p => p.Name == key);
            if (spec is null)
            {
                Context.Add(YamlValues.PositionOf(keyNode), $"{path}.{key}", $"unknown property '{key}' for task type {type.Name}");
                continue;
            }

            ReadProperty(spec, valueNode, $"{path}.{key}", properties, branches);
        }

        if (type is not null)
        {
            ApplyDefaults(type, typeName!, properties);
            foreach (var spec in type.Properties.Where(p => p.Required && !keys.ContainsKey(p.Name) && !properties.ContainsKey(p.Name)))
            {
                Context.Add(YamlValues.PositionOf(mapping), $"{path}.{spec.Name}", $"missing required property '{spec.Name}' for task type {type.Name}");
            }
        }

        return new TaskDefinition
        {
            Id = id ?? "",
            Type = type?.Name ?? typeName ?? "",
            Position = YamlValues.PositionOf(mapping),
            Description = OptionalString(Node("description"), path + ".description"),
            Disabled = Node("disabled") is { } disabled && (ReadBool(disabled, path + ".disabled") ?? false),
            AllowFailure = Node("allowFailure") is { } allowFailure && (ReadBool(allowFailure, path + ".allowFailure") ?? false),
            AllowWarning = Node("allowWarning") is { } allowWarning && (ReadBool(allowWarning, path + ".allowWarning") ?? false),
            RunIf = Node("runIf") is { } runIf ? OptionalString(runIf, path + ".runIf") : OptionalString(Node("when"), path + ".when"),
            Timeout = Node("timeout") is { } timeout ? ReadDuration(timeout, path + ".timeout") : null,
            Retry = Node("retry") is { } retry ? ReadRetry(retry, path + ".retry") : null,
            LogLevel = OptionalString(Node("logLevel"), path + ".logLevel"),
            DependsOn = dependsOn ?? [],
            Properties = properties,
            PropertyPositions = positions,
            Branches = branches,
        };
    }

    private void ReadProperty(PropertySpec spec, YamlNode node, string path, Dictionary<string, object?> properties, List<TaskBranch> branches)
    {
        switch (spec.Kind)
        {
            case PropertyKind.Tasks:
                // `defaults: null` leaves no branch, unlike `defaults: []`: Kestra accepts the first and rejects the second.
                if (!IsNull(node))
                {
                    branches.Add(new TaskBranch(spec.Name, ReadTaskList(node, path)));
                }

                break;
            case PropertyKind.TaskMap:
                if (node is YamlMappingNode cases)
                {
                    foreach (var (caseKey, caseTasks) in cases.Children)
                    {
                        var key = YamlValues.KeyText(caseKey);
                        branches.Add(new TaskBranch($"{spec.Name}/{key}", ReadTaskList(caseTasks, $"{path}.{key}")));
                    }
                }
                else if (!IsNull(node))
                {
                    Context.Add(YamlValues.PositionOf(node), path, $"'{spec.Name}' must be a map of task lists");
                }

                break;
            case PropertyKind.DagTasks:
                branches.Add(new TaskBranch(spec.Name, ReadDagTasks(node, path)));
                break;
            default:
                CheckKind(node, spec, path);
                properties[spec.Name] = YamlValues.ToPlain(node, _budget);
                break;
        }
    }

    private List<TaskDefinition> ReadDagTasks(YamlNode node, string path)
    {
        var tasks = new List<TaskDefinition>();
        if (node is not YamlSequenceNode sequence)
        {
            Context.Add(YamlValues.PositionOf(node), path, "'tasks' of a Dag must be a list of {task, dependsOn}");
            return tasks;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (sequence.Children[i] is not YamlMappingNode item)
            {
                Context.Add(YamlValues.PositionOf(sequence.Children[i]), itemPath, "a Dag entry is a map with 'task' and optional 'dependsOn'");
                continue;
            }

            YamlNode? taskNode = null;
            var dependsOn = new List<string>();
            foreach (var (key, value) in item.Children)
            {
                switch (YamlValues.KeyText(key))
                {
                    case "task":
                        taskNode = value;
                        break;
                    case "dependsOn":
                        if (YamlValues.ToPlain(value, _budget) is List<object?> ids)
                        {
                            dependsOn.AddRange(ids.Select(x => x?.ToString() ?? ""));
                        }
                        else if (YamlValues.ToPlain(value, _budget) is not null)
                        {
                            Context.Add(YamlValues.PositionOf(value), itemPath + ".dependsOn", "'dependsOn' must be a list of task ids");
                        }

                        break;
                    default:
                        Context.Add(YamlValues.PositionOf(key), $"{itemPath}.{YamlValues.KeyText(key)}", $"unknown property '{YamlValues.KeyText(key)}' of a Dag entry (expected task, dependsOn)");
                        break;
                }
            }

            if (taskNode is null)
            {
                Context.Add(YamlValues.PositionOf(item), itemPath + ".task", "missing required property 'task'");
            }
            else if (ReadTask(taskNode, itemPath + ".task", dependsOn) is { } task)
            {
                tasks.Add(task);
            }
        }

        return tasks;
    }

    private void ApplyDefaults(TaskType type, string writtenType, Dictionary<string, object?> properties)
    {
        foreach (var pluginDefault in _defaults)
        {
            if (!type.Name.StartsWith(pluginDefault.Type, StringComparison.Ordinal) && !writtenType.StartsWith(pluginDefault.Type, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var (key, value) in pluginDefault.Values)
            {
                if (type.Properties.Any(p => p.Name == key && !p.HoldsTasks) && (pluginDefault.Forced || !properties.ContainsKey(key)))
                {
                    properties[key] = value;
                }
            }
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_-]*$")]
    private static partial Regex TaskIdPattern();
}

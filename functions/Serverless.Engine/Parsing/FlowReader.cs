using Serverless.Engine.Flows;
using Serverless.Engine.Tasks;
using Serverless.Engine.Triggers;
using Serverless.Engine.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Serverless.Engine.Parsing;

/// <summary>One parse of one flow source: reads the YAML tree into the model, collecting errors as it goes.</summary>
internal sealed partial class FlowReader
{
    private static readonly HashSet<string> RootKeys =
    [
        "id", "namespace", "revision", "description", "labels", "inputs", "variables", "tasks", "errors", "finally",
        "afterExecution", "outputs", "triggers", "pluginDefaults", "taskDefaults", "concurrency", "retry", "disabled",
        "sla", "deleted", "tenantId", "checks",
    ];

    private readonly string _source;
    private readonly TaskTypeRegistry _tasks;
    private readonly TriggerTypeRegistry _triggers;
    private readonly ConversionBudget _budget = new();
    private IReadOnlyList<PluginDefault> _defaults = [];

    public FlowReader(string source, TaskTypeRegistry tasks, TriggerTypeRegistry triggers)
    {
        _source = source;
        _tasks = tasks;
        _triggers = triggers;
    }

    public ValidationContext Context { get; } = new();

    public Flow? Read()
    {
        YamlMappingNode? root;
        try
        {
            root = LoadRoot();
        }
        catch (YamlException e)
        {
            Context.Add(new((int)Math.Max(1, e.Start.Line), (int)Math.Max(1, e.Start.Column)), "", "invalid YAML: " + YamlMessage(e));
            return null;
        }

        if (root is null)
        {
            return null;
        }

        try
        {
            return ReadFlow(root);
        }
        catch (YamlBudgetException e)
        {
            Context.Add(e.Position, "", e.Message);
            return null;
        }
    }

    private YamlMappingNode? LoadRoot()
    {
        var stream = YamlLoader.Load(_source);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            Context.Add(SourcePosition.Start, "", "the flow is empty: it needs at least id, namespace and tasks");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            Context.Add(YamlValues.PositionOf(stream.Documents[1].RootNode), "", "a flow file holds one YAML document; remove the '---' and what follows");
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Context.Add(YamlValues.PositionOf(stream.Documents[0].RootNode), "", "a flow is a map with id, namespace and tasks");
            return null;
        }

        return root;
    }

    private Flow? ReadFlow(YamlMappingNode root)
    {
        var nodes = new Dictionary<string, (YamlNode Key, YamlNode Value)>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = YamlValues.KeyText(keyNode);
            if (!RootKeys.Contains(key))
            {
                Context.Add(YamlValues.PositionOf(keyNode), key, $"unknown property '{key}' of a flow");
                continue;
            }

            nodes[key] = (keyNode, valueNode);
        }

        YamlNode? Node(string key) => nodes.TryGetValue(key, out var pair) ? pair.Value : null;

        if (Node("pluginDefaults") is not null && Node("taskDefaults") is { } oldDefaults)
        {
            Context.Add(YamlValues.PositionOf(oldDefaults), "taskDefaults", "'taskDefaults' is the old name of 'pluginDefaults': give only one");
        }

        if ((Node("pluginDefaults") ?? Node("taskDefaults")) is { } defaultsNode)
        {
            _defaults = ReadPluginDefaults(defaultsNode, nodes.ContainsKey("pluginDefaults") ? "pluginDefaults" : "taskDefaults");
        }

        var id = RequiredString(root, Node("id"), "id");
        var ns = RequiredString(root, Node("namespace"), "namespace");
        if (id is { Length: > 0 } && !FlowValidator.FlowIdPattern().IsMatch(id))
        {
            Context.Add(YamlValues.PositionOf(Node("id")!), "id", $"invalid flow id '{id}': it must match {FlowValidator.FlowIdPattern()}");
        }

        if (ns is { Length: > 0 } && !FlowValidator.NamespacePattern().IsMatch(ns))
        {
            Context.Add(YamlValues.PositionOf(Node("namespace")!), "namespace", $"invalid namespace '{ns}': it must match {FlowValidator.NamespacePattern()}");
        }

        var tasks = Node("tasks") is { } tasksNode ? ReadTaskList(tasksNode, "tasks") : [];
        if (Node("tasks") is null || tasks.Count == 0 && Node("tasks") is not YamlSequenceNode { Children.Count: > 0 })
        {
            Context.Add(Node("tasks") is { } n ? YamlValues.PositionOf(n) : YamlValues.PositionOf(root), "tasks", "a flow needs at least one task");
        }

        return new Flow
        {
            Id = id ?? "",
            Namespace = ns ?? "",
            Revision = Node("revision") is { } revision ? (int)(ReadInteger(revision, "revision") ?? 1) : 1,
            Description = OptionalString(Node("description"), "description"),
            Labels = Node("labels") is { } labels ? ReadLabels(labels) : [],
            Inputs = Node("inputs") is { } inputs ? ReadInputs(inputs) : [],
            Variables = Node("variables") is { } variables ? ReadMap(variables, "variables") : new Dictionary<string, object?>(),
            Tasks = tasks,
            Errors = Node("errors") is { } errors ? ReadTaskList(errors, "errors") : [],
            Finally = Node("finally") is { } fin ? ReadTaskList(fin, "finally") : [],
            AfterExecution = Node("afterExecution") is { } after ? ReadTaskList(after, "afterExecution") : [],
            Outputs = Node("outputs") is { } outputs ? ReadOutputs(outputs) : [],
            Triggers = Node("triggers") is { } triggers ? ReadTriggers(triggers) : [],
            PluginDefaults = _defaults,
            Concurrency = Node("concurrency") is { } concurrency ? ReadConcurrency(concurrency) : null,
            Retry = Node("retry") is { } retry ? ReadRetry(retry, "retry") : null,
            Disabled = Node("disabled") is { } disabled && (ReadBool(disabled, "disabled") ?? false),
            Source = _source,
        };
    }

    private static string YamlMessage(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 && message.StartsWith('(') ? message[(marker + 3)..] : message;
    }
}

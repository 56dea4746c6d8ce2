namespace Serverless.Engine.Tasks;

/// <summary>What kind of value a task property holds; expressions are accepted wherever a scalar is.</summary>
public enum PropertyKind
{
    String,
    Boolean,
    Integer,
    Number,
    Duration,
    List,
    Map,

    /// <summary>A string or a list of strings (Log's <c>message</c>, script <c>commands</c>).</summary>
    StringOrList,

    /// <summary>Any value: scalar, list or map.</summary>
    Any,

    /// <summary>A list of child tasks.</summary>
    Tasks,

    /// <summary>A map of key to list of child tasks (Switch's <c>cases</c>).</summary>
    TaskMap,

    /// <summary>A list of <c>{task, dependsOn}</c> (Dag's <c>tasks</c>).</summary>
    DagTasks,
}

/// <summary>One declared property of a task type: its name, kind and whether it is required.</summary>
public sealed record PropertySpec(string Name, PropertyKind Kind, bool Required = false)
{
    public static PropertySpec String(string name, bool required = false) => new(name, PropertyKind.String, required);

    public static PropertySpec Boolean(string name) => new(name, PropertyKind.Boolean);

    public static PropertySpec Integer(string name, bool required = false) => new(name, PropertyKind.Integer, required);

    public static PropertySpec Duration(string name, bool required = false) => new(name, PropertyKind.Duration, required);

    public static PropertySpec List(string name, bool required = false) => new(name, PropertyKind.List, required);

    public static PropertySpec Map(string name, bool required = false) => new(name, PropertyKind.Map, required);

    public static PropertySpec Any(string name, bool required = false) => new(name, PropertyKind.Any, required);

    public static PropertySpec Tasks(string name, bool required = false) => new(name, PropertyKind.Tasks, required);

    /// <summary>Whether the property holds child tasks (parsed into branches, not plain values).</summary>
    public bool HoldsTasks => Kind is PropertyKind.Tasks or PropertyKind.TaskMap or PropertyKind.DagTasks;
}

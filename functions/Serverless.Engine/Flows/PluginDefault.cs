namespace Serverless.Engine.Flows;

/// <summary>
/// Default property values for every task whose type starts with <see cref="Type"/>. A task's own value
/// wins unless the default is <see cref="Forced"/>.
/// </summary>
public sealed record PluginDefault(string Type, bool Forced, IReadOnlyDictionary<string, object?> Values);

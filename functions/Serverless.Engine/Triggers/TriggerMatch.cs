using Serverless.Engine.Executions;
using Serverless.Engine.Flows;

namespace Serverless.Engine.Triggers;

/// <summary>A flow whose trigger matched an event: what to start, with its deterministic id and <c>trigger.*</c> variables.</summary>
public sealed record TriggerMatch(Flow Flow, TriggerDefinition Trigger, IReadOnlyDictionary<string, object?> Inputs, StartOptions Options);

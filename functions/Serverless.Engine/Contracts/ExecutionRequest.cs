using System.Text.Json.Serialization;
using Serverless.Engine.Flows;

namespace Serverless.Engine.Contracts;

/// <summary>
/// The flow orchestration's input: everything one execution needs, fixed at start. The flow travels as its
/// YAML source so a later edit never changes a running execution, and the orchestration parses it
/// (deterministically, cached by source).
/// </summary>
/// <remarks>Wire contract: in-flight histories hold it; add members, never rename them.</remarks>
public sealed record ExecutionRequest
{
    public required string ExecutionId { get; init; }

    public required string FlowSource { get; init; }

    public int FlowRevision { get; init; } = 1;

    /// <summary>Inputs already resolved and validated against the flow's input definitions.</summary>
    [JsonConverter(typeof(PlainDictionaryConverter))]
    public IReadOnlyDictionary<string, object?>? Inputs { get; init; }

    public IReadOnlyList<Label> Labels { get; init; } = [];

    /// <summary>Trigger variables (<c>trigger.*</c>) when a trigger started the execution.</summary>
    [JsonConverter(typeof(PlainDictionaryConverter))]
    public IReadOnlyDictionary<string, object?>? Trigger { get; init; }

    /// <summary>The parent execution when started by a Subflow task.</summary>
    public string? ParentExecutionId { get; init; }

    /// <summary>Host environment variables exposed as <c>envs.*</c> (already filtered by the host).</summary>
    public IReadOnlyDictionary<string, string>? Envs { get; init; }
}

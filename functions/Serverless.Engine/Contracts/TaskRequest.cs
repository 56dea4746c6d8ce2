using System.Text.Json.Serialization;

namespace Serverless.Engine.Contracts;

/// <summary>
/// The activity input for one attempt of one runnable task. Properties are sent unrendered and rendered in the
/// activity, so secrets and file contents resolved by expressions never enter the orchestration history.
/// </summary>
/// <remarks>Wire contract: in-flight histories hold it; add members, never rename them.</remarks>
public sealed record TaskRequest
{
    public required string ExecutionId { get; init; }

    public required string Namespace { get; init; }

    public required string FlowId { get; init; }

    public required string TaskRunId { get; init; }

    public required string TaskId { get; init; }

    /// <summary>Canonical task type name.</summary>
    public required string Type { get; init; }

    /// <summary>0 for the first attempt, as <c>taskrun.attemptsCount</c>.</summary>
    public int Attempt { get; init; }

    [JsonConverter(typeof(PlainDictionaryConverter))]
    public IReadOnlyDictionary<string, object?>? Properties { get; init; }

    /// <summary>The expression variables the task's templates refer to (pruned by root name).</summary>
    [JsonConverter(typeof(PlainDictionaryConverter))]
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    /// <summary>The orchestration's clock when the attempt was scheduled; what <c>now()</c> returns.</summary>
    public DateTimeOffset Now { get; init; }

    public TimeSpan? Timeout { get; init; }

    public string? LogLevel { get; init; }
}

using System.Text.Json.Serialization;
using Serverless.Engine.Contracts;
using Serverless.Engine.Flows;

namespace Serverless.Engine.Executions;

/// <summary>
/// An execution, in Kestra's API shape (camelCase JSON): the orchestration's result and what the API and
/// CLI show.
/// </summary>
public sealed record Execution
{
    public required string Id { get; init; }

    public required string Namespace { get; init; }

    public required string FlowId { get; init; }

    public int FlowRevision { get; init; }

    public required StateInfo State { get; init; }

    [JsonConverter(typeof(PlainDictionaryConverter))]
    public IReadOnlyDictionary<string, object?>? Inputs { get; init; }

    [JsonConverter(typeof(PlainDictionaryConverter))]
    public IReadOnlyDictionary<string, object?>? Outputs { get; init; }

    public IReadOnlyList<Label> Labels { get; init; } = [];

    /// <summary>The execution's variables (<c>vars</c>): the flow's, as SetVariables/UnsetVariables left them; null when none.</summary>
    [JsonConverter(typeof(PlainDictionaryConverter))]
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    [JsonConverter(typeof(PlainDictionaryConverter))]
    public IReadOnlyDictionary<string, object?>? Trigger { get; init; }

    public IReadOnlyList<TaskRun> TaskRunList { get; init; } = [];

    /// <summary>The execution that started this one through a Subflow task, if any.</summary>
    public string? ParentId { get; init; }

    /// <summary>
    /// For executions too large to carry their task runs in one payload: how many chunks of them are in internal
    /// storage (<see cref="TaskRunArchive"/>); <see cref="TaskRunList"/> is then empty. Null otherwise.
    /// </summary>
    public int? TaskRunChunks { get; init; }

    /// <summary>Why the execution failed, when it did (first error), for humans.</summary>
    public string? Error { get; init; }
}

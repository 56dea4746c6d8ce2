using System.Text.Json.Serialization;
using Serverless.Engine.Executions;

namespace Serverless.Engine.Contracts;

/// <summary>
/// Part of an execution run as a sub-orchestration so no single history grows with the flow: a slice of a long
/// sequence (<see cref="TaskIds"/>) or a slice of a wide ForEach (<see cref="Values"/> from
/// <see cref="FirstIndex"/>, each running <see cref="TaskIds"/>). It carries what expressions may read.
/// </summary>
/// <remarks>Wire contract: add members, never rename them.</remarks>
public sealed record SegmentRequest
{
    /// <summary>The execution; its <c>FlowSource</c> is empty when <see cref="PackedFlowSource"/> carries the flow.</summary>
    public required ExecutionRequest Execution { get; init; }

    /// <summary>
    /// The flow's source, Brotli-compressed and base64-encoded: the input is replayed in every episode of the
    /// segment, and a long flow's source is its largest part.
    /// </summary>
    public string? PackedFlowSource { get; init; }

    /// <summary>The tasks to run, by id (ids are unique in a flow).</summary>
    public required IReadOnlyList<string> TaskIds { get; init; }

    /// <summary>The task run the segment's task runs hang under, if any.</summary>
    public TaskRun? Parent { get; init; }

    /// <summary>The enclosing loop iterations, outermost first.</summary>
    public IReadOnlyList<SegmentIteration> Iterations { get; init; } = [];

    /// <summary>For a ForEach slice: its values; null for a sequence slice.</summary>
    public IReadOnlyList<object?>? Values { get; init; }

    /// <summary>The iteration index of <c>Values[0]</c>.</summary>
    public int FirstIndex { get; init; }

    /// <summary>Iterations at once inside the slice (0 = no limit).</summary>
    public int ConcurrencyLimit { get; init; }

    /// <summary>The <c>outputs</c> variable when the segment starts: only the task outputs its templates read, when that is known.</summary>
    [JsonConverter(typeof(PlainDictionaryConverter))]
    public IReadOnlyDictionary<string, object?>? Outputs { get; init; }

    public IReadOnlyList<IReadOnlyDictionary<string, object?>> ErrorLogs { get; init; } = [];

    /// <summary>The execution's variables when a task changed them before the segment; null while they are the flow's.</summary>
    [JsonConverter(typeof(PlainDictionaryConverter))]
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    /// <summary>Loop task runs by id, with their map keys (null for list values): their iterations get an <c>item</c> variable.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>?>? Loops { get; init; }
}

/// <summary>One enclosing loop iteration of a segment: its value, index and loop task run.</summary>
public sealed record SegmentIteration(
    [property: JsonConverter(typeof(PlainValueConverter))] object? Value,
    int Index,
    TaskRun Owner);

/// <summary>What a segment did: its state, the task runs it created (in order), the outputs it set.</summary>
/// <remarks>Wire contract: add members, never rename them.</remarks>
public sealed record SegmentResult
{
    [JsonConverter(typeof(JsonStringEnumConverter<State>))]
    public State State { get; init; }

    public IReadOnlyList<TaskRun> TaskRuns { get; init; } = [];

    public IReadOnlyList<OutputSet> Outputs { get; init; } = [];

    public IReadOnlyList<IReadOnlyDictionary<string, object?>> ErrorLogs { get; init; } = [];

    public IReadOnlyList<Flows.Label> Labels { get; init; } = [];

    [JsonConverter(typeof(JsonStringEnumConverter<State>))]
    public State? ExitState { get; init; }

    /// <summary>The execution's variables, when a task of the segment changed them (SetVariables); null otherwise.</summary>
    [JsonConverter(typeof(PlainDictionaryConverter))]
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    public string? Error { get; init; }
}

/// <summary>Outputs a task run set, and where they sit in the <c>outputs</c> variable.</summary>
public sealed record OutputSet(
    string TaskId,
    IReadOnlyList<string> Path,
    [property: JsonConverter(typeof(PlainDictionaryConverter))] IReadOnlyDictionary<string, object?>? Outputs);

namespace Serverless.Engine.Contracts;

/// <summary>
/// The input of the <c>SplitItems</c> activity: which file a ForEachItem splits and how. Exactly one way is
/// used, in Kestra's order: <see cref="Bytes"/>, then <see cref="Partitions"/>, then <see cref="Rows"/>
/// (1 when none is given).
/// </summary>
/// <remarks>Wire contract: in-flight histories hold it; add members, never rename them.</remarks>
public sealed record SplitItemsRequest
{
    public required string ExecutionId { get; init; }

    public required string Namespace { get; init; }

    public required string FlowId { get; init; }

    /// <summary>The ForEachItem's task id and run: the batch files are stored under them.</summary>
    public required string TaskId { get; init; }

    public required string TaskRunId { get; init; }

    /// <summary>The rendered <c>items</c>: a kestra:// URI in the flow's namespace.</summary>
    public required string Items { get; init; }

    /// <summary>Lines per batch.</summary>
    public int? Rows { get; init; }

    /// <summary>Largest batch size, <c>"10MB"</c> or a number of bytes; a batch ends at the line that reaches it.</summary>
    public string? Bytes { get; init; }

    /// <summary>Number of batches; lines are dealt round-robin, empty batches dropped.</summary>
    public int? Partitions { get; init; }

    /// <summary>Written after each line of a batch.</summary>
    public string Separator { get; init; } = "\n";
}

/// <summary>The batch files' kestra:// URIs in order, or why the file could not be split.</summary>
/// <remarks>Wire contract: in-flight histories hold it; add members, never rename them.</remarks>
public sealed record SplitItemsResult
{
    public IReadOnlyList<string> Uris { get; init; } = [];

    public TaskFailure? Failure { get; init; }
}

/// <summary>The input of the <c>MergeItemOutputs</c> activity: one JSON object per subflow that had outputs, in batch order.</summary>
/// <remarks>Wire contract: in-flight histories hold it; add members, never rename them.</remarks>
public sealed record MergeItemOutputsRequest
{
    public required string ExecutionId { get; init; }

    public required string Namespace { get; init; }

    public required string FlowId { get; init; }

    public required string TaskId { get; init; }

    public required string TaskRunId { get; init; }

    /// <summary>JSON texts, written one per line.</summary>
    public IReadOnlyList<string> Lines { get; init; } = [];
}

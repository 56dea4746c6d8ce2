using Serverless.Engine.Executions;

namespace Serverless.Engine.Records;

/// <summary>
/// Execution records the API searches: written when an execution starts (by whoever starts it, through
/// <see cref="ExecutionLauncher"/>) and when it ends (by <see cref="ExecutionRecordListener"/>). The Durable
/// instance stays the source of truth for a running execution's task runs; a record is what survives history
/// purges and what can be searched by namespace, flow, state, dates and labels.
/// </summary>
/// <remarks>
/// Writes are at least once and may arrive out of order (the end can be recorded before the start when a
/// flow is fast): <see cref="SaveAsync"/> never replaces a terminal state with a non-terminal one.
/// </remarks>
public interface IExecutionStore
{
    /// <summary>Creates or updates the record of <paramref name="execution"/>, unless that would move a finished record back to a running state.</summary>
    Task SaveAsync(Execution execution, CancellationToken ct = default);

    /// <summary>The record, or <see langword="null"/> when there is none.</summary>
    Task<Execution?> GetAsync(string executionId, CancellationToken ct = default);

    /// <summary>Removes the record; used to undo a start that failed. <see langword="false"/> when there was none.</summary>
    Task<bool> DeleteAsync(string executionId, CancellationToken ct = default);

    /// <summary>
    /// Records matching <paramref name="query"/>, sorted and paged. Results are summaries: no task runs and no
    /// outputs (GET the execution for those).
    /// </summary>
    Task<ExecutionPage> SearchAsync(ExecutionQuery query, CancellationToken ct = default);
}

/// <summary>One page of a search and the number of matches over all pages.</summary>
public sealed record ExecutionPage(IReadOnlyList<Execution> Results, long Total);

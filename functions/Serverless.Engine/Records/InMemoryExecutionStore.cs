using System.Collections.Concurrent;
using Serverless.Engine.Executions;

namespace Serverless.Engine.Records;

/// <summary>
/// Execution records in this process's memory: the embedded engine's default, whose Durable backend is in
/// memory too, so records and instances live and die together. Searches scan every record.
/// </summary>
public sealed class InMemoryExecutionStore : IExecutionStore
{
    private readonly ConcurrentDictionary<string, Execution> _records = new(StringComparer.Ordinal);

    public Task SaveAsync(Execution execution, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(execution);
        _records.AddOrUpdate(
            execution.Id,
            execution,
            (_, existing) => ExecutionRecords.Merge(existing, execution));
        return Task.CompletedTask;
    }

    public Task<Execution?> GetAsync(string executionId, CancellationToken ct = default) =>
        Task.FromResult(_records.GetValueOrDefault(executionId));

    public Task<bool> DeleteAsync(string executionId, CancellationToken ct = default) =>
        Task.FromResult(_records.TryRemove(executionId, out _));

    public Task<ExecutionPage> SearchAsync(ExecutionQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Task.FromResult(query.Apply(_records.Values.Select(ExecutionRecords.Summary)));
    }
}

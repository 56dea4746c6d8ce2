using System.Collections.Concurrent;
using System.Globalization;
using Serverless.Engine.Logs;

namespace Serverless.Engine.Records;

/// <summary>
/// Task logs kept in memory per execution, for the embedded engine. Bounded per execution
/// (<see cref="MaxLinesPerExecution"/>: older lines are dropped first) so a chatty flow cannot exhaust memory.
/// </summary>
public sealed class InMemoryLogStore : IExecutionLogSink, IExecutionLogStore
{
    /// <summary>Most lines kept for one execution.</summary>
    public const int MaxLinesPerExecution = 10_000;

    private readonly ConcurrentDictionary<string, ExecutionLines> _lines = new(StringComparer.Ordinal);

    public void Write(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _lines.GetOrAdd(entry.ExecutionId, _ => new ExecutionLines()).Add(entry);
    }

    public Task<IReadOnlyList<StoredLog>> ReadAsync(string executionId, string? after = null, CancellationToken ct = default)
    {
        var from = after is not null && long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var seen) ? seen + 1 : 0;
        return Task.FromResult(_lines.TryGetValue(executionId, out var lines) ? lines.From(from) : (IReadOnlyList<StoredLog>)[]);
    }

    public Task FlushAsync(CancellationToken ct = default) => Task.CompletedTask;

    private sealed class ExecutionLines
    {
        private readonly Lock _gate = new();
        private readonly Queue<StoredLog> _queue = new();
        private long _next;

        public void Add(LogEntry entry)
        {
            lock (_gate)
            {
                _queue.Enqueue(new StoredLog(_next++.ToString(CultureInfo.InvariantCulture), entry));
                if (_queue.Count > MaxLinesPerExecution)
                {
                    _queue.Dequeue();
                }
            }
        }

        public IReadOnlyList<StoredLog> From(long sequence)
        {
            lock (_gate)
            {
                return _queue.Where(l => long.Parse(l.Cursor, CultureInfo.InvariantCulture) >= sequence).ToList();
            }
        }
    }
}

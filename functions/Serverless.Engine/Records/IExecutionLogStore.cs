using Serverless.Engine.Logs;

namespace Serverless.Engine.Records;

/// <summary>
/// The read side of stored task logs, for <c>GET /api/v1/logs/{executionId}</c>. The write side is the
/// same object's <see cref="IExecutionLogSink"/>, composed with the console sink by the host.
/// </summary>
/// <remarks>
/// Writes are buffered (a sink must never block or fail a task): a line becomes readable shortly after it
/// is written, and <see cref="FlushAsync"/> makes everything written so far readable — the record listener
/// calls it before recording an execution's end, so a client that sees a final state also sees its logs.
/// </remarks>
public interface IExecutionLogStore
{
    /// <summary>
    /// Lines of the execution in write order; with <paramref name="after"/> (a <see cref="StoredLog.Cursor"/>),
    /// only the lines stored after that one, which is how followers poll.
    /// </summary>
    Task<IReadOnlyList<StoredLog>> ReadAsync(string executionId, string? after = null, CancellationToken ct = default);

    /// <summary>Makes every line written so far readable.</summary>
    Task FlushAsync(CancellationToken ct = default);
}

/// <summary>A stored log line and its position, which orders lines and resumes a follow.</summary>
public sealed record StoredLog(string Cursor, LogEntry Entry);

/// <summary>Writes every line to several sinks (console and store); one sink's failure never reaches the others or the task.</summary>
public sealed class CompositeLogSink(params IExecutionLogSink[] sinks) : IExecutionLogSink
{
    public void Write(LogEntry entry)
    {
        foreach (var sink in sinks)
        {
            try
            {
                sink.Write(entry);
            }
            catch (Exception)
            {
                // A sink must not throw into tasks; a broken one loses its own lines only.
            }
        }
    }
}

using Serverless.Engine.Contracts;

namespace Serverless.Engine.Concurrency;

/// <summary>The flow a concurrency limit applies to.</summary>
public readonly record struct ConcurrencyKey(string Namespace, string FlowId);

/// <summary>An execution waiting for a slot, with everything needed to schedule it later.</summary>
public sealed record QueuedExecution(string ExecutionId, ExecutionRequest Request, DateTimeOffset QueuedAt);

/// <summary>The outcome of asking for a slot.</summary>
public enum SlotOutcome
{
    Acquired,
    Queued,
    Full,
    Duplicate,
}

/// <summary>Who holds the slots of a flow and who waits, in order.</summary>
public sealed record ConcurrencySnapshot(int Limit, IReadOnlyList<string> Running, IReadOnlyList<string> Queued);

/// <summary>
/// Running-slot and FIFO-queue bookkeeping per flow. Every operation is atomic per flow (a lock locally,
/// ETag optimistic concurrency on Table Storage) so two hosts starting at once can never both take the last
/// slot. No Durable Entities: the embedded sidecar has none.
/// </summary>
public interface IConcurrencySlotStore
{
    /// <summary>
    /// Takes a slot for <paramref name="executionId"/> when fewer than <paramref name="limit"/> are held;
    /// otherwise appends <paramref name="queueIfFull"/> to the queue (when given) or reports <see cref="SlotOutcome.Full"/>.
    /// The limit is remembered for releases.
    /// </summary>
    Task<SlotOutcome> AcquireAsync(ConcurrencyKey key, string executionId, int limit, QueuedExecution? queueIfFull, CancellationToken cancellationToken);

    /// <summary>
    /// Frees the slot of <paramref name="executionId"/> (or drops it from the queue) and moves the oldest
    /// queued executions into the free slots; returns those, which the caller must now schedule. Idempotent.
    /// </summary>
    Task<IReadOnlyList<QueuedExecution>> ReleaseAsync(ConcurrencyKey key, string executionId, CancellationToken cancellationToken);

    Task<ConcurrencySnapshot> GetAsync(ConcurrencyKey key, CancellationToken cancellationToken);
}

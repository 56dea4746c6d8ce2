using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Serverless.Engine.Azure.Tables;
using Serverless.Engine.Concurrency;
using Serverless.Engine.Storage;

namespace Serverless.Engine.Azure.Concurrency;

/// <summary>
/// Concurrency slots in Azure Table Storage, so a flow's limit holds across every Functions instance (the
/// in-memory store only sees its own process). Each flow is one partition: a head row (<c>RK = "slots"</c>)
/// with the limit, the running ids and the queue order, and one row per queued execution
/// (<c>RK = "q|{executionId}"</c>) with its request.
/// </summary>
/// <remarks>
/// Every change is a read-modify-write of the head row guarded by its ETag, and a change that also writes or
/// deletes queue rows goes in one entity-group transaction with the head, so two hosts can never both take
/// the last slot, and a queue row never exists without its place in the order (or the reverse). A lost race
/// re-reads and retries. A queued request must fit one row (about 450,000 characters of JSON); a release
/// promotes at most <see cref="MaxPromotedPerRelease"/> executions (only a raised limit frees more at once).
/// </remarks>
public sealed partial class TableConcurrencySlotStore : IConcurrencySlotStore
{
    /// <summary>Most executions one release moves from the queue into slots (a transaction holds 100 actions).</summary>
    public const int MaxPromotedPerRelease = 90;

    private const int MaxAttempts = 50;
    private readonly TableClient _table;
    private readonly TableOnFirstUse _creation;

    public TableConcurrencySlotStore(TableClient table)
    {
        _creation = new TableOnFirstUse(table);
        _table = _creation.Table;
    }

    public async Task<SlotOutcome> AcquireAsync(ConcurrencyKey key, string executionId, int limit, QueuedExecution? queueIfFull, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(executionId);
        await EnsureTableAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var head = await ReadHeadAsync(key, cancellationToken);
            if (head.Running.Contains(executionId) || head.Queue.Contains(executionId))
            {
                return SlotOutcome.Duplicate;
            }

            var actions = new List<TableTransactionAction>();
            SlotOutcome outcome;
            if (head.Running.Count < limit)
            {
                outcome = SlotOutcome.Acquired;
                actions.Add(HeadAction(head with { Limit = limit, Running = [.. head.Running, executionId] }));
            }
            else if (queueIfFull is null)
            {
                return SlotOutcome.Full;
            }
            else
            {
                outcome = SlotOutcome.Queued;
                actions.Add(HeadAction(head with { Limit = limit, Queue = [.. head.Queue, executionId] }));
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, QueueRow(key, queueIfFull with { ExecutionId = executionId })));
            }

            if (await TrySubmitAsync(actions, attempt, cancellationToken))
            {
                return outcome;
            }
        }
    }

    public async Task<IReadOnlyList<QueuedExecution>> ReleaseAsync(ConcurrencyKey key, string executionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(executionId);
        await EnsureTableAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var head = await ReadHeadAsync(key, cancellationToken);
            var wasQueued = head.Queue.Contains(executionId);
            var running = head.Running.Where(id => id != executionId).ToList();
            var queue = head.Queue.Where(id => id != executionId).ToList();
            var actions = new List<TableTransactionAction>();
            if (wasQueued)
            {
                actions.Add(DeleteQueueRow(key, executionId));
            }

            var promoted = new List<QueuedExecution>();
            while (running.Count < head.Limit && queue.Count > 0 && promoted.Count < MaxPromotedPerRelease)
            {
                var next = queue[0];
                queue.RemoveAt(0);
                if (await ReadQueuedAsync(key, next, cancellationToken) is { } queued)
                {
                    running.Add(next);
                    actions.Add(DeleteQueueRow(key, next));
                    promoted.Add(queued);
                }
            }

            if (running.SequenceEqual(head.Running) && queue.SequenceEqual(head.Queue))
            {
                return [];
            }

            actions.Insert(0, HeadAction(head with { Running = running, Queue = queue }));
            if (await TrySubmitAsync(actions, attempt, cancellationToken))
            {
                return promoted;
            }
        }
    }

    public async Task<ConcurrencySnapshot> GetAsync(ConcurrencyKey key, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var head = await ReadHeadAsync(key, cancellationToken);
        return new ConcurrencySnapshot(head.Limit, head.Running, head.Queue);
    }

    /// <summary>Submits one atomic change; false when another writer changed the flow's slots first (retry).</summary>
    private async Task<bool> TrySubmitAsync(List<TableTransactionAction> actions, int attempt, CancellationToken cancellationToken)
    {
        try
        {
            if (actions.Count == 1)
            {
                await SubmitSingleAsync(actions[0], cancellationToken);
            }
            else
            {
                await _table.SubmitTransactionAsync(actions, cancellationToken);
            }

            return true;
        }
        catch (Exception e) when (attempt < MaxAttempts && IsConflict(e))
        {
            // Back off a little, growing and jittered, so racing hosts stop colliding.
            var backoff = TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(5, 20 + (10 * Math.Min(attempt, 20))));
            await Task.Delay(backoff, TimeProvider.System, cancellationToken);
            return false;
        }
    }

    private Task SubmitSingleAsync(TableTransactionAction action, CancellationToken cancellationToken) => action.ActionType switch
    {
        TableTransactionActionType.Add => _table.AddEntityAsync(action.Entity, cancellationToken),
        _ => _table.UpdateEntityAsync(action.Entity, action.ETag, TableUpdateMode.Replace, cancellationToken),
    };

    private static bool IsConflict(Exception e) =>
        e is RequestFailedException { Status: 409 or 412 } || (e is TableTransactionFailedException t && t.Status is 404 or 409 or 412);

    private Task EnsureTableAsync(CancellationToken cancellationToken) => _creation.EnsureAsync(cancellationToken);
}

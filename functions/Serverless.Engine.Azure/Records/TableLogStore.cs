using System.Globalization;
using System.Threading.Channels;
using Azure.Data.Tables;
using Azure;
using Serverless.Engine.Logs;
using Serverless.Engine.Records;
using Serverless.Engine.Storage;

namespace Serverless.Engine.Azure.Records;

/// <summary>
/// Task logs in Azure Table Storage: <c>PK = executionId</c>, <c>RK = "{ticks}|{writer}|{sequence}"</c>, so one
/// execution's lines read in time order with a single partition query and a follower resumes after a row
/// key. Writes are queued and sent in batches of up to 100 rows (one transaction per partition), off the
/// task's thread: a log call never blocks a task or fails it.
/// </summary>
/// <remarks>
/// Lines still queued when the process dies are lost; <see cref="FlushAsync"/> (called before an
/// execution's end is recorded) bounds that window. Messages are cut at 30,000 characters.
/// </remarks>
public sealed class TableLogStore : IExecutionLogSink, IExecutionLogStore, IAsyncDisposable
{
    private const int BatchSize = 100;

    private readonly TableClient _table;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _writer = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
    private readonly Task _pump;
    private long _sequence;

    public TableLogStore(TableClient table)
    {
        _table = table ?? throw new ArgumentNullException(nameof(table));
        _pump = Task.Run(PumpAsync);
    }

    public void Write(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var rowKey = entry.Timestamp.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "|" + _writer + "|"
            + Interlocked.Increment(ref _sequence).ToString("D12", CultureInfo.InvariantCulture);
        _queue.Writer.TryWrite(new Pending(ToEntity(entry, rowKey), null));
    }

    public async Task FlushAsync(CancellationToken ct = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (_queue.Writer.TryWrite(new Pending(null, done)))
        {
            await done.Task.WaitAsync(ct);
        }
    }

    public async Task<IReadOnlyList<StoredLog>> ReadAsync(string executionId, string? after = null, CancellationToken ct = default)
    {
        var filter = after is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {executionId}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {executionId} and RowKey gt {after}");
        var lines = new List<StoredLog>();
        try
        {
            await foreach (var entity in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: ct))
            {
                lines.Add(new StoredLog(entity.RowKey, FromEntity(entity)));
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No log was ever written: the table does not exist yet.
        }

        return lines;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _pump;
    }

    private async Task PumpAsync()
    {
        var created = false;
        var batch = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < BatchSize * 10 && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                if (!created)
                {
                    await _table.CreateIfNotExistsAsync();
                    created = true;
                }

                await SendAsync(batch.Where(p => p.Entity is not null).Select(p => p.Entity!));
            }
            catch (Exception)
            {
                // Storage failed: these lines are lost, later ones are tried again. Logs never fail tasks.
            }

            foreach (var flush in batch.Where(p => p.Flushed is not null))
            {
                flush.Flushed!.TrySetResult();
            }
        }
    }

    private async Task SendAsync(IEnumerable<TableEntity> entities)
    {
        foreach (var partition in entities.GroupBy(e => e.PartitionKey))
        {
            foreach (var chunk in partition.Chunk(BatchSize))
            {
                await _table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)));
            }
        }
    }

    private static TableEntity ToEntity(LogEntry entry, string rowKey) => new(entry.ExecutionId, rowKey)
    {
        ["TaskRunId"] = entry.TaskRunId,
        ["TaskId"] = entry.TaskId,
        ["Level"] = entry.Level,
        ["Message"] = TableChunks.Clip(entry.Message),
        ["LoggedAt"] = entry.Timestamp,
        ["Namespace"] = entry.Namespace,
        ["FlowId"] = entry.FlowId,
        ["AttemptNumber"] = entry.AttemptNumber,
    };

    private static LogEntry FromEntity(TableEntity entity) => new(
        entity.PartitionKey,
        entity.GetString("TaskRunId"),
        entity.GetString("TaskId"),
        entity.GetString("Level") ?? "INFO",
        entity.GetString("Message") ?? "",
        entity.GetDateTimeOffset("LoggedAt") ?? DateTimeOffset.UnixEpoch,
        entity.GetString("Namespace"),
        entity.GetString("FlowId"),
        entity.GetInt32("AttemptNumber"));

    private sealed record Pending(TableEntity? Entity, TaskCompletionSource? Flushed);
}

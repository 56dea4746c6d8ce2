using System.Text.Json;
using System.Text;
using Azure.Data.Tables;
using Azure;
using Serverless.Engine.Azure.Scheduling;
using Serverless.Engine.Concurrency;
using Serverless.Engine.Contracts;
using Serverless.Engine.Storage;

namespace Serverless.Engine.Azure.Concurrency;

/// <summary>Row layout: keys, the head row and the queued-execution rows.</summary>
public sealed partial class TableConcurrencySlotStore
{
    private const string HeadRow = "slots";
    private const string QueuePrefix = "q|";
    private const int ChunkChars = 30_000;
    private const int MaxChunks = 15;

    private static string Partition(ConcurrencyKey key) =>
        $"concurrency|{TableKeys.Escape(key.Namespace)}|{TableKeys.Escape(key.FlowId)}";

    private async Task<Head> ReadHeadAsync(ConcurrencyKey key, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(Partition(key), HeadRow, cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return new Head(key, 0, [], [], null);
        }

        var entity = found.Value!;
        return new Head(
            key,
            entity.GetInt32("Limit") ?? 0,
            Ids(ReadChunks(entity, "Running")),
            Ids(ReadChunks(entity, "Queue")),
            entity.ETag);
    }

    private async Task<QueuedExecution?> ReadQueuedAsync(ConcurrencyKey key, string executionId, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(Partition(key), QueuePrefix + TableKeys.Escape(executionId), cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return null;
        }

        var entity = found.Value!;
        var request = JsonSerializer.Deserialize<ExecutionRequest>(ReadChunks(entity, "Request"), WireJson.Options)!;
        return new QueuedExecution(executionId, request, entity.GetDateTimeOffset("QueuedAt") ?? DateTimeOffset.MinValue);
    }

    /// <summary>The head row write: created when new, else replaced only if unchanged since it was read.</summary>
    private static TableTransactionAction HeadAction(Head head)
    {
        var entity = new TableEntity(Partition(head.Key), HeadRow) { ["Limit"] = head.Limit };
        WriteChunks(entity, "Running", JsonSerializer.Serialize(head.Running));
        WriteChunks(entity, "Queue", JsonSerializer.Serialize(head.Queue));
        return head.ETag is { } etag
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, etag)
            : new TableTransactionAction(TableTransactionActionType.Add, entity);
    }

    private static TableEntity QueueRow(ConcurrencyKey key, QueuedExecution queued)
    {
        var entity = new TableEntity(Partition(key), QueuePrefix + TableKeys.Escape(queued.ExecutionId)) { ["QueuedAt"] = queued.QueuedAt };
        WriteChunks(entity, "Request", JsonSerializer.Serialize(queued.Request, WireJson.Options));
        return entity;
    }

    private static TableTransactionAction DeleteQueueRow(ConcurrencyKey key, string executionId) =>
        new(TableTransactionActionType.Delete, new TableEntity(Partition(key), QueuePrefix + TableKeys.Escape(executionId)), ETag.All);

    private static List<string> Ids(string json) =>
        json.Length == 0 ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];

    /// <summary>A string property holds 32 Ki characters: long text goes over <c>{name}0</c>, <c>{name}1</c>…</summary>
    private static void WriteChunks(TableEntity entity, string name, string text)
    {
        if (text.Length > ChunkChars * MaxChunks)
        {
            throw new InvalidOperationException($"{name} of the concurrency slots of {entity.PartitionKey} is {text.Length} characters; a row holds at most {ChunkChars * MaxChunks}.");
        }

        var count = 0;
        for (var offset = 0; offset < text.Length; offset += ChunkChars, count++)
        {
            entity[name + count] = text.Substring(offset, Math.Min(ChunkChars, text.Length - offset));
        }

        entity[name + "Chunks"] = count;
    }

    private static string ReadChunks(TableEntity entity, string name)
    {
        var count = entity.GetInt32(name + "Chunks") ?? 0;
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.Append(entity.GetString(name + i));
        }

        return builder.ToString();
    }

    /// <summary>The flow's slots as read, with the ETag that guards the next write (null: no row yet).</summary>
    private sealed record Head(ConcurrencyKey Key, int Limit, List<string> Running, List<string> Queue, ETag? ETag);
}

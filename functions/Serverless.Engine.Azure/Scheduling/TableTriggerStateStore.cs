using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Serverless.Engine.Azure.Tables;
using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Scheduling;
using Serverless.Engine.Storage;

namespace Serverless.Engine.Azure.Scheduling;

/// <summary>
/// Trigger states in Azure Table Storage (<c>FLOWS_TABLE_TRIGGERS</c>), one row per trigger in partition
/// <c>trigger</c>; the row's ETag is the state's version, so saves are compare-and-swap across hosts.
/// </summary>
/// <remarks>A tick lists the whole partition: one query page per 1,000 triggers.</remarks>
public sealed class TableTriggerStateStore : ITriggerStateStore
{
    private const string Partition = "trigger";
    private readonly TableClient _table;
    private readonly TableOnFirstUse _creation;

    public TableTriggerStateStore(TableClient table)
    {
        _creation = new TableOnFirstUse(table);
        _table = _creation.Table;
    }

    public async Task<IReadOnlyDictionary<TriggerKey, TriggerState>> ListAsync(CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var states = new Dictionary<TriggerKey, TriggerState>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            var state = Read(entity);
            states[state.Key] = state;
        }

        return states;
    }

    public async Task<TriggerState?> GetAsync(TriggerKey key, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, RowKey(key), cancellationToken: cancellationToken);
        return found.HasValue ? Read(found.Value!) : null;
    }

    public async Task<TriggerState?> TrySaveAsync(TriggerState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await EnsureTableAsync(cancellationToken);
        var entity = Write(state);
        try
        {
            var response = state.Version is null
                ? await _table.AddEntityAsync(entity, cancellationToken)
                : await _table.UpdateEntityAsync(entity, new ETag(state.Version), TableUpdateMode.Replace, cancellationToken);
            return state with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            return null;
        }
    }

    private static string RowKey(TriggerKey key) =>
        $"{TableKeys.Escape(key.Namespace)}|{TableKeys.Escape(key.FlowId)}|{TableKeys.Escape(key.TriggerId)}";

    private static TableEntity Write(TriggerState state) => new(Partition, RowKey(state.Key))
    {
        ["Namespace"] = state.Key.Namespace,
        ["FlowId"] = state.Key.FlowId,
        ["TriggerId"] = state.Key.TriggerId,
        ["Next"] = state.Next == DateTimeOffset.MaxValue ? null : state.Next,
        ["Never"] = state.Next == DateTimeOffset.MaxValue,
        ["Signature"] = state.Signature,
        ["Disabled"] = state.Disabled,
        ["StopAfter"] = string.Join(',', state.StopAfter),
        ["Backfill"] = state.Backfill is null ? null : JsonSerializer.Serialize(state.Backfill, WireJson.Options),
    };

    private static TriggerState Read(TableEntity entity) => new()
    {
        Key = new TriggerKey(entity.GetString("Namespace"), entity.GetString("FlowId"), entity.GetString("TriggerId")),
        Next = entity.GetBoolean("Never") is true ? DateTimeOffset.MaxValue : entity.GetDateTimeOffset("Next"),
        Signature = entity.GetString("Signature"),
        Disabled = entity.GetBoolean("Disabled") ?? false,
        StopAfter = [.. (entity.GetString("StopAfter") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<State>)],
        Backfill = entity.GetString("Backfill") is { } json ? JsonSerializer.Deserialize<BackfillState>(json, WireJson.Options) : null,
        Version = entity.ETag.ToString(),
    };

    private Task EnsureTableAsync(CancellationToken cancellationToken) => _creation.EnsureAsync(cancellationToken);
}

using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Serverless.Engine.Azure.Tables;
using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Records;
using Serverless.Engine.Storage;

namespace Serverless.Engine.Azure.Records;

/// <summary>
/// Execution records in Azure Table Storage, one table with two rows per execution: a detail row
/// (<c>PK = "id|{executionId}"</c>) holding the whole execution JSON for point reads, and an index row
/// (<c>PK = "ns|{namespace}"</c>, <c>RK = "{inverted start ticks}|{id}"</c>) holding a summary, so a search
/// reads only the namespaces it asks for, newest first, and narrows start dates by row-key range.
/// </summary>
/// <remarks>
/// Flow, state and namespace filters run on the service; labels, end dates, sorting and paging run here
/// over the matching summaries, so a search costs in proportion to its matches: filter by namespace or
/// start date for large histories. Updates use ETags (optimistic concurrency) so a late start write never
/// overwrites a recorded end.
/// </remarks>
public sealed partial class TableExecutionStore : IExecutionStore
{
    private const string DetailPrefix = "id|";
    private const string IndexPrefix = "ns|";
    private const string DetailRow = "execution";
    private const int MaxAttempts = 5;

    private readonly TableClient _table;
    private readonly TableOnFirstUse _creation;

    public TableExecutionStore(TableClient table)
    {
        _creation = new TableOnFirstUse(table);
        _table = _creation.Table;
    }

    public async Task SaveAsync(Execution execution, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(execution);
        await EnsureTableAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            var current = await GetDetailAsync(execution.Id, ct);
            var record = current is null ? execution : ExecutionRecords.Merge(current.Value.Execution, execution);
            if (current is not null && ReferenceEquals(record, current.Value.Execution))
            {
                return;
            }

            var indexKey = current?.IndexKey ?? IndexRowKey(record);
            var detail = ToDetail(record, indexKey);
            try
            {
                if (current is null)
                {
                    await _table.AddEntityAsync(detail, ct);
                }
                else
                {
                    await _table.UpdateEntityAsync(detail, current.Value.ETag, TableUpdateMode.Replace, ct);
                }
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                continue;
            }

            await _table.UpsertEntityAsync(ToIndex(record, indexKey), TableUpdateMode.Replace, ct);
            return;
        }
    }

    public async Task<Execution?> GetAsync(string executionId, CancellationToken ct = default)
    {
        await EnsureTableAsync(ct);
        return (await GetDetailAsync(executionId, ct))?.Execution;
    }

    public async Task<bool> DeleteAsync(string executionId, CancellationToken ct = default)
    {
        await EnsureTableAsync(ct);
        var current = await GetDetailAsync(executionId, ct);
        if (current is null)
        {
            return false;
        }

        var (ns, rowKey) = SplitIndexKey(current.Value.IndexKey);
        await _table.DeleteEntityAsync(IndexPrefix + ns, rowKey, ETag.All, ct);
        await _table.DeleteEntityAsync(DetailPrefix + executionId, DetailRow, ETag.All, ct);
        return true;
    }

    private Task EnsureTableAsync(CancellationToken ct) => _creation.EnsureAsync(ct);

    private async Task<(Execution Execution, string IndexKey, ETag ETag)?> GetDetailAsync(string executionId, CancellationToken ct)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(DetailPrefix + executionId, DetailRow, cancellationToken: ct);
        if (!response.HasValue || response.Value is not { } entity)
        {
            return null;
        }

        var execution = JsonSerializer.Deserialize<Execution>(TableChunks.Read(entity), WireJson.Options)!;
        return (execution, entity.GetString("IndexKey"), entity.ETag);
    }

    /// <summary><c>{namespace}\n{inverted ticks}|{id}</c>: the index row's keys, fixed at the first write.</summary>
    private static string IndexRowKey(Execution execution)
    {
        var start = execution.State.StartDate ?? DateTimeOffset.UnixEpoch;
        return execution.Namespace + "\n" + InvertedTicks(start) + "|" + execution.Id;
    }

    private static (string Namespace, string RowKey) SplitIndexKey(string indexKey)
    {
        var newline = indexKey.IndexOf('\n', StringComparison.Ordinal);
        return (indexKey[..newline], indexKey[(newline + 1)..]);
    }

    private static string InvertedTicks(DateTimeOffset date) =>
        (DateTimeOffset.MaxValue.UtcTicks - date.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
}

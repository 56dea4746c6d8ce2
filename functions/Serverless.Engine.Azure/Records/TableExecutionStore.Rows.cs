using System.Text.Json;
using Azure.Data.Tables;
using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Flows;
using Serverless.Engine.Records;
using Serverless.Engine.Storage;

namespace Serverless.Engine.Azure.Records;

/// <summary>The two row shapes and the search.</summary>
public sealed partial class TableExecutionStore
{
    private static readonly string[] IndexColumns =
        ["ExecutionId", "Namespace", "FlowId", "FlowRevision", "State", "StateJson", "Labels", "ParentId"];

    public async Task<ExecutionPage> SearchAsync(ExecutionQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await EnsureTableAsync(ct);
        var candidates = new List<Execution>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(Filter(query), maxPerPage: 1000, select: IndexColumns, cancellationToken: ct))
        {
            candidates.Add(FromIndex(entity));
        }

        return query.Apply(candidates);
    }

    private static string Filter(ExecutionQuery query)
    {
        var parts = new List<string>();
        if (query.Namespace is { } ns)
        {
            var exact = IndexPrefix + ns;
            parts.Add(TableClient.CreateQueryFilter($"(PartitionKey eq {exact} or (PartitionKey ge {exact + "."} and PartitionKey lt {exact + "/"}))"));
        }
        else
        {
            parts.Add(TableClient.CreateQueryFilter($"PartitionKey ge {IndexPrefix} and PartitionKey lt {"ns}"}"));
        }

        if (query.StartDate is { } start)
        {
            // Newer starts have smaller inverted ticks: "started at or after" is an upper bound on the row key.
            parts.Add(TableClient.CreateQueryFilter($"RowKey lt {InvertedTicks(start) + "}"}"));
        }

        if (query.FlowId is { } flowId)
        {
            parts.Add(TableClient.CreateQueryFilter($"FlowId eq {flowId}"));
        }

        if (query.States.Count > 0)
        {
            parts.Add("(" + string.Join(" or ", query.States.Select(s => TableClient.CreateQueryFilter($"State eq {s.ToString()}"))) + ")");
        }

        return string.Join(" and ", parts);
    }

    private static TableEntity ToDetail(Execution execution, string indexKey)
    {
        var entity = new TableEntity(DetailPrefix + execution.Id, DetailRow) { ["IndexKey"] = indexKey };
        TableChunks.Write(entity, Fit(execution));
        return entity;
    }

    /// <summary>The execution's JSON, shed of task-run outputs and then of task runs when too large for a row.</summary>
    private static string Fit(Execution execution)
    {
        var json = JsonSerializer.Serialize(execution, WireJson.Options);
        if (TableChunks.Fits(json))
        {
            return json;
        }

        json = JsonSerializer.Serialize(execution with { TaskRunList = [.. execution.TaskRunList.Select(r => r with { Outputs = null })] }, WireJson.Options);
        return TableChunks.Fits(json) ? json : JsonSerializer.Serialize(ExecutionRecords.Summary(execution) with { Inputs = null }, WireJson.Options);
    }

    private static TableEntity ToIndex(Execution execution, string indexKey)
    {
        var (ns, rowKey) = SplitIndexKey(indexKey);
        return new TableEntity(IndexPrefix + ns, rowKey)
        {
            ["ExecutionId"] = execution.Id,
            ["Namespace"] = execution.Namespace,
            ["FlowId"] = execution.FlowId,
            ["FlowRevision"] = execution.FlowRevision,
            ["State"] = execution.State.Current.ToString(),
            ["StateJson"] = TableChunks.Clip(JsonSerializer.Serialize(execution.State, WireJson.Options)),
            ["Labels"] = TableChunks.Clip(JsonSerializer.Serialize(execution.Labels, WireJson.Options)),
            ["ParentId"] = execution.ParentId,
        };
    }

    private static Execution FromIndex(TableEntity entity) => new()
    {
        Id = entity.GetString("ExecutionId"),
        Namespace = entity.GetString("Namespace"),
        FlowId = entity.GetString("FlowId"),
        FlowRevision = entity.GetInt32("FlowRevision") ?? 1,
        State = ReadJson<StateInfo>(entity.GetString("StateJson")) ?? StateInfo.Of(State.CREATED, DateTimeOffset.UnixEpoch),
        Labels = ReadJson<List<Label>>(entity.GetString("Labels")) ?? [],
        ParentId = entity.GetString("ParentId"),
    };

    private static T? ReadJson<T>(string? json)
    {
        try
        {
            return json is null ? default : JsonSerializer.Deserialize<T>(json, WireJson.Options);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}

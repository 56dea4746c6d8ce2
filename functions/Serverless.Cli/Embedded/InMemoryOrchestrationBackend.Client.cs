using System.Globalization;
using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Query;
using DurableTask.Core.Serializing;

namespace Serverless.Cli.Embedded;

/// <summary>The client side: start, raise, terminate, wait, query and purge.</summary>
public sealed partial class InMemoryOrchestrationBackend
    : IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient
{
    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) =>
        CreateTaskOrchestrationAsync(creationMessage, dedupeStatuses: null);

    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[]? dedupeStatuses)
    {
        ArgumentNullException.ThrowIfNull(creationMessage);
        lock (_gate)
        {
            CreateTaskOrchestrationLocked(creationMessage, dedupeStatuses);
        }

        return Task.CompletedTask;
    }

    public Task SendTaskOrchestrationMessageAsync(TaskMessage message)
    {
        Route(message);
        return Task.CompletedTask;
    }

    public Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages)
    {
        lock (_gate)
        {
            foreach (TaskMessage message in messages)
            {
                RouteLocked(message);
            }
        }

        return Task.CompletedTask;
    }

    public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) =>
        SendTaskOrchestrationMessageAsync(new TaskMessage
        {
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId },
            Event = new ExecutionTerminatedEvent(-1, reason),
        });

    public async Task<OrchestrationState> WaitForOrchestrationAsync(
        string instanceId, string executionId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task<OrchestrationState> completion;
        lock (_gate)
        {
            if (!_instances.TryGetValue(instanceId, out InstanceRecord? record))
            {
                throw new ArgumentException($"No orchestration instance '{instanceId}' exists.", nameof(instanceId));
            }

            completion = record.Completion.Task;
        }

        return timeout <= TimeSpan.Zero || timeout == Timeout.InfiniteTimeSpan
            ? await completion.WaitAsync(cancellationToken)
            : await completion.WaitAsync(timeout, _time, cancellationToken);
    }

    public Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions)
    {
        lock (_gate)
        {
            IList<OrchestrationState> states = _instances.TryGetValue(instanceId, out InstanceRecord? record)
                ? [record.State]
                : [];
            return Task.FromResult(states);
        }
    }

    public Task<OrchestrationState> GetOrchestrationStateAsync(string instanceId, string? executionId)
    {
        lock (_gate)
        {
            OrchestrationState? state = _instances.TryGetValue(instanceId, out InstanceRecord? record)
                && (executionId is null || executionId == record.ExecutionId)
                ? record.State
                : null;
            return Task.FromResult(state!);
        }
    }

    public Task<string> GetOrchestrationHistoryAsync(string instanceId, string? executionId)
    {
        lock (_gate)
        {
            string? history = _instances.TryGetValue(instanceId, out InstanceRecord? record)
                && (executionId is null || executionId == record.ExecutionId)
                ? JsonDataConverter.Default.Serialize(record.History.ToList())
                : null;
            return Task.FromResult(history!);
        }
    }

    public Task<OrchestrationQueryResult> GetOrchestrationWithQueryAsync(
        OrchestrationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        int skip = int.TryParse(query.ContinuationToken, NumberStyles.None, CultureInfo.InvariantCulture, out int s) ? s : 0;
        int pageSize = query.PageSize > 0 ? query.PageSize : 100;
        lock (_gate)
        {
            List<OrchestrationState> matches = _instances.Values
                .Select(r => r.State)
                .Where(state => Matches(query, state))
                .OrderBy(state => state.CreatedTime)
                .ThenBy(state => state.OrchestrationInstance.InstanceId, StringComparer.Ordinal)
                .Skip(skip)
                .Take(pageSize + 1)
                .ToList();
            string? next = matches.Count > pageSize
                ? (skip + pageSize).ToString(CultureInfo.InvariantCulture)
                : null;
            return Task.FromResult(new OrchestrationQueryResult(matches.Take(pageSize).ToList(), next));
        }
    }

    public Task<PurgeResult> PurgeInstanceStateAsync(string instanceId)
    {
        lock (_gate)
        {
            bool purged = _instances.TryGetValue(instanceId, out InstanceRecord? record)
                && record.IsTerminal
                && _instances.Remove(instanceId);
            return Task.FromResult(new PurgeResult(purged ? 1 : 0));
        }
    }

    public Task<PurgeResult> PurgeInstanceStateAsync(PurgeInstanceFilter purgeInstanceFilter)
    {
        ArgumentNullException.ThrowIfNull(purgeInstanceFilter);
        ICollection<OrchestrationStatus>? statuses = purgeInstanceFilter.RuntimeStatus?.ToList();
        return PurgeWhere(state =>
            state.CreatedTime >= purgeInstanceFilter.CreatedTimeFrom
            && (purgeInstanceFilter.CreatedTimeTo is not { } to || state.CreatedTime <= to)
            && (statuses is null || statuses.Count == 0 || statuses.Contains(state.OrchestrationStatus)));
    }

    public Task PurgeOrchestrationHistoryAsync(
        DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType) =>
        PurgeWhere(state => timeRangeFilterType switch
        {
            OrchestrationStateTimeRangeFilterType.OrchestrationCompletedTimeFilter => state.CompletedTime < thresholdDateTimeUtc,
            OrchestrationStateTimeRangeFilterType.OrchestrationLastUpdatedTimeFilter => state.LastUpdatedTime < thresholdDateTimeUtc,
            _ => state.CreatedTime < thresholdDateTimeUtc,
        });

    private Task<PurgeResult> PurgeWhere(Func<OrchestrationState, bool> predicate)
    {
        lock (_gate)
        {
            List<string> ids = _instances.Values
                .Where(r => r.IsTerminal && predicate(r.State))
                .Select(r => r.InstanceId)
                .ToList();
            foreach (string id in ids)
            {
                _instances.Remove(id);
            }

            return Task.FromResult(new PurgeResult(ids.Count));
        }
    }

    private static bool Matches(OrchestrationQuery query, OrchestrationState state) =>
        (query.RuntimeStatus is null || query.RuntimeStatus.Count == 0 || query.RuntimeStatus.Contains(state.OrchestrationStatus))
        && (query.CreatedTimeFrom is not { } from || state.CreatedTime >= from)
        && (query.CreatedTimeTo is not { } to || state.CreatedTime <= to)
        && (string.IsNullOrEmpty(query.InstanceIdPrefix)
            || state.OrchestrationInstance.InstanceId.StartsWith(query.InstanceIdPrefix, StringComparison.Ordinal));
}

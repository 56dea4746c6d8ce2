using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using P = Microsoft.DurableTask.Protobuf;

namespace Serverless.Durable.Embedded;

/// <summary>Reading the store: instance state, waiting for start or completion, queries, history and purge.</summary>
internal sealed partial class InstanceStore
{
    public P.OrchestrationState? Get(string instanceId, bool withInputsAndOutputs)
    {
        lock (_gate)
        {
            return _instances.TryGetValue(instanceId, out Instance? instance) ? Snapshot(instance, withInputsAndOutputs) : null;
        }
    }

    /// <summary>Waits for the instance to leave Pending (<paramref name="completion"/> false) or to end (true).</summary>
    public async Task<P.OrchestrationState?> WaitAsync(
        string instanceId, bool completion, bool withInputsAndOutputs, CancellationToken cancellationToken)
    {
        Instance? instance;
        lock (_gate)
        {
            _instances.TryGetValue(instanceId, out instance);
        }

        if (instance is null)
        {
            return null;
        }

        await (completion ? instance.Completed : instance.Started).Task.WaitAsync(cancellationToken);
        lock (_gate)
        {
            return Snapshot(instance, withInputsAndOutputs);
        }
    }

    public P.QueryInstancesResponse Query(P.InstanceQuery query)
    {
        int skip = int.TryParse(query.ContinuationToken, NumberStyles.None, CultureInfo.InvariantCulture, out int s) ? s : 0;
        int pageSize = query.MaxInstanceCount > 0 ? query.MaxInstanceCount : 100;
        DateTime? from = query.CreatedTimeFrom?.ToDateTime();
        DateTime? to = query.CreatedTimeTo?.ToDateTime();
        lock (_gate)
        {
            List<Instance> page = _instances.Values
                .Where(i => query.RuntimeStatus.Count == 0 || query.RuntimeStatus.Contains(i.Status))
                .Where(i => (from is null || i.CreatedAt >= from) && (to is null || i.CreatedAt <= to))
                .Where(i => string.IsNullOrEmpty(query.InstanceIdPrefix) || i.InstanceId.StartsWith(query.InstanceIdPrefix, StringComparison.Ordinal))
                .OrderBy(i => i.CreatedAt)
                .ThenBy(i => i.InstanceId, StringComparer.Ordinal)
                .Skip(skip)
                .Take(pageSize + 1)
                .ToList();
            var response = new P.QueryInstancesResponse
            {
                ContinuationToken = page.Count > pageSize ? (skip + pageSize).ToString(CultureInfo.InvariantCulture) : null,
            };
            response.OrchestrationState.AddRange(page.Take(pageSize).Select(i => Snapshot(i, query.FetchInputsAndOutputs)));
            return response;
        }
    }

    public IReadOnlyList<P.HistoryEvent>? GetHistory(string instanceId)
    {
        lock (_gate)
        {
            return _instances.TryGetValue(instanceId, out Instance? instance) ? [.. instance.History] : null;
        }
    }

    /// <summary>Removes ended instances; running ones are never purged.</summary>
    public int Purge(P.PurgeInstancesRequest request)
    {
        lock (_gate)
        {
            List<Instance> doomed = request.RequestCase switch
            {
                P.PurgeInstancesRequest.RequestOneofCase.InstanceId =>
                    _instances.TryGetValue(request.InstanceId, out Instance? one) && one.IsTerminal ? [one] : [],
                P.PurgeInstancesRequest.RequestOneofCase.PurgeInstanceFilter =>
                    [.. _instances.Values.Where(i => i.IsTerminal && Matches(request.PurgeInstanceFilter, i))],
                _ => [],
            };
            foreach (Instance instance in doomed)
            {
                _instances.Remove(instance.InstanceId);
            }

            return doomed.Count;
        }
    }

    private static bool Matches(P.PurgeInstanceFilter filter, Instance instance) =>
        (filter.CreatedTimeFrom is null || instance.CreatedAt >= filter.CreatedTimeFrom.ToDateTime())
        && (filter.CreatedTimeTo is null || instance.CreatedAt <= filter.CreatedTimeTo.ToDateTime())
        && (filter.RuntimeStatus.Count == 0 || filter.RuntimeStatus.Contains(instance.Status));

    private static P.OrchestrationState Snapshot(Instance instance, bool withInputsAndOutputs)
    {
        var state = new P.OrchestrationState
        {
            InstanceId = instance.InstanceId,
            ExecutionId = instance.ExecutionId,
            Name = instance.Name,
            Version = instance.Version,
            OrchestrationStatus = instance.Status,
            CreatedTimestamp = Timestamp.FromDateTime(instance.CreatedAt),
            LastUpdatedTimestamp = Timestamp.FromDateTime(instance.LastUpdatedAt),
            CompletedTimestamp = instance.CompletedAt is { } completed ? Timestamp.FromDateTime(completed) : null,
            ScheduledStartTimestamp = instance.ScheduledStartAt is { } start ? Timestamp.FromDateTime(start) : null,
            ParentInstanceId = instance.Parent?.OrchestrationInstance.InstanceId,
        };
        state.Tags.Add(instance.Tags);
        if (withInputsAndOutputs)
        {
            state.Input = instance.Input;
            state.Output = instance.Output;
            state.CustomStatus = instance.CustomStatus;
            state.FailureDetails = instance.Failure;
        }

        return state;
    }
}

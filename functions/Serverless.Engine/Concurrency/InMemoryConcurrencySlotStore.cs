namespace Serverless.Engine.Concurrency;

/// <summary>
/// Slots for one process (the embedded engine, <c>flows serve</c>, tests): one lock guards every flow's
/// bookkeeping. State is lost on exit, as the embedded backend's executions are.
/// </summary>
public sealed class InMemoryConcurrencySlotStore : IConcurrencySlotStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ConcurrencyKey, Slots> _flows = [];

    public Task<SlotOutcome> AcquireAsync(ConcurrencyKey key, string executionId, int limit, QueuedExecution? queueIfFull, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(executionId);
        lock (_gate)
        {
            var slots = Get(key);
            slots.Limit = limit;
            if (slots.Running.Contains(executionId) || slots.Queue.Any(q => q.ExecutionId == executionId))
            {
                return Task.FromResult(SlotOutcome.Duplicate);
            }

            if (slots.Running.Count < limit)
            {
                slots.Running.Add(executionId);
                return Task.FromResult(SlotOutcome.Acquired);
            }

            if (queueIfFull is null)
            {
                return Task.FromResult(SlotOutcome.Full);
            }

            slots.Queue.Add(queueIfFull);
            return Task.FromResult(SlotOutcome.Queued);
        }
    }

    public Task<IReadOnlyList<QueuedExecution>> ReleaseAsync(ConcurrencyKey key, string executionId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_flows.TryGetValue(key, out var slots))
            {
                return Task.FromResult<IReadOnlyList<QueuedExecution>>([]);
            }

            slots.Running.Remove(executionId);
            slots.Queue.RemoveAll(q => q.ExecutionId == executionId);
            var promoted = new List<QueuedExecution>();
            while (slots.Running.Count < slots.Limit && slots.Queue.Count > 0)
            {
                var next = slots.Queue[0];
                slots.Queue.RemoveAt(0);
                slots.Running.Add(next.ExecutionId);
                promoted.Add(next);
            }

            return Task.FromResult<IReadOnlyList<QueuedExecution>>(promoted);
        }
    }

    public Task<ConcurrencySnapshot> GetAsync(ConcurrencyKey key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_flows.TryGetValue(key, out var slots)
                ? new ConcurrencySnapshot(slots.Limit, [.. slots.Running], [.. slots.Queue.Select(q => q.ExecutionId)])
                : new ConcurrencySnapshot(0, [], []));
        }
    }

    private Slots Get(ConcurrencyKey key)
    {
        if (!_flows.TryGetValue(key, out var slots))
        {
            slots = new Slots();
            _flows[key] = slots;
        }

        return slots;
    }

    private sealed class Slots
    {
        public int Limit { get; set; }

        public List<string> Running { get; } = [];

        public List<QueuedExecution> Queue { get; } = [];
    }
}

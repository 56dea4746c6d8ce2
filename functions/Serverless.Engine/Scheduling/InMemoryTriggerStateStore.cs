using System.Globalization;

namespace Serverless.Engine.Scheduling;

/// <summary>Trigger states of one process (<c>flows serve</c>, tests), with the same compare-and-swap rules as Table Storage.</summary>
public sealed class InMemoryTriggerStateStore : ITriggerStateStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TriggerKey, TriggerState> _states = [];
    private long _version;

    public Task<IReadOnlyDictionary<TriggerKey, TriggerState>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyDictionary<TriggerKey, TriggerState>>(new Dictionary<TriggerKey, TriggerState>(_states));
        }
    }

    public Task<TriggerState?> GetAsync(TriggerKey key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_states.GetValueOrDefault(key));
        }
    }

    public Task<TriggerState?> TrySaveAsync(TriggerState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        lock (_gate)
        {
            var current = _states.GetValueOrDefault(state.Key);
            if (current?.Version != state.Version)
            {
                return Task.FromResult<TriggerState?>(null);
            }

            var saved = state with { Version = (++_version).ToString(CultureInfo.InvariantCulture) };
            _states[state.Key] = saved;
            return Task.FromResult<TriggerState?>(saved);
        }
    }
}

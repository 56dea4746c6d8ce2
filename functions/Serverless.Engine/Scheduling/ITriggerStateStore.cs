namespace Serverless.Engine.Scheduling;

/// <summary>
/// Trigger states shared by every scheduler instance. Saves are compare-and-swap on
/// <see cref="TriggerState.Version"/>: two instances evaluating the same tick both start the same
/// deterministic execution ids (harmless), and only one of them advances the state.
/// </summary>
public interface ITriggerStateStore
{
    Task<IReadOnlyDictionary<TriggerKey, TriggerState>> ListAsync(CancellationToken cancellationToken);

    Task<TriggerState?> GetAsync(TriggerKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the state (when its version is null) or replaces it (when its version is current); the saved
    /// state with its new version, or null when another writer got there first.
    /// </summary>
    Task<TriggerState?> TrySaveAsync(TriggerState state, CancellationToken cancellationToken);
}

namespace Serverless.Engine.Scheduling;

/// <summary>Read-modify-write of one trigger state with compare-and-swap retries.</summary>
public static class TriggerStateUpdates
{
    private const int MaxAttempts = 10;

    /// <summary>
    /// Applies <paramref name="change"/> to the current state (a fresh one when none exists) until the save
    /// wins; <paramref name="change"/> returning null means "no change" and ends without saving.
    /// </summary>
    public static async Task<TriggerState?> UpdateAsync(this ITriggerStateStore store, TriggerKey key, Func<TriggerState, TriggerState?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await store.GetAsync(key, cancellationToken) ?? new TriggerState { Key = key };
            if (change(current) is not { } updated)
            {
                return current;
            }

            if (await store.TrySaveAsync(updated with { Version = current.Version }, cancellationToken) is { } saved)
            {
                return saved;
            }
        }

        throw new InvalidOperationException($"The state of trigger '{key}' kept changing; gave up after {MaxAttempts} attempts.");
    }
}

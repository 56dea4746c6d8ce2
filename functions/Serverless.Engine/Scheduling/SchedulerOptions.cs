namespace Serverless.Engine.Scheduling;

/// <summary>Scheduler settings. Mutable options class, bound from configuration by hosts.</summary>
public sealed class SchedulerOptions
{
    /// <summary>
    /// How late an occurrence may be evaluated and still count as on time. Older ones were missed (an outage)
    /// and follow the trigger's <c>recoverMissedSchedules</c>. Ticks come every minute, so one minute.
    /// </summary>
    public TimeSpan LateTolerance { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Most missed occurrences one trigger starts per tick under ALL; the rest follow on later ticks.</summary>
    public int MaxRecoveredPerTick { get; set; } = 1000;

    /// <summary>Most backfill occurrences one trigger starts per tick, so a long backfill does not flood the workers.</summary>
    public int BackfillPerTick { get; set; } = 100;

    /// <summary>How often <see cref="SchedulerService"/> ticks (aligned to multiples of it).</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many triggers start their executions at once in one tick.</summary>
    public int Parallelism { get; set; } = 8;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(LateTolerance, TimeSpan.Zero, nameof(LateTolerance));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRecoveredPerTick, 1, nameof(MaxRecoveredPerTick));
        ArgumentOutOfRangeException.ThrowIfLessThan(BackfillPerTick, 1, nameof(BackfillPerTick));
        ArgumentOutOfRangeException.ThrowIfLessThan(TickInterval, TimeSpan.FromSeconds(1), nameof(TickInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(Parallelism, 1, nameof(Parallelism));
    }
}

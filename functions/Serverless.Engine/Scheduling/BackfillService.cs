using Serverless.Engine.Flows;

namespace Serverless.Engine.Scheduling;

/// <summary>
/// Backfills and the enable switch of Schedule triggers, as trigger state the scheduler acts on. A backfill
/// starts, tick by tick, every occurrence of its window that has not run yet: occurrences share the regular
/// schedule's deterministic ids, so one that already ran is skipped.
/// </summary>
public sealed class BackfillService(ITriggerStateStore states, TimeProvider clock)
{
    /// <summary>Starts (or replaces) the backfill of <paramref name="triggerId"/> on <paramref name="flow"/>.</summary>
    public Task<TriggerState?> StartAsync(Flow flow, string triggerId, BackfillRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(request);
        var schedule = ScheduleDefinitions.Of(flow).FirstOrDefault(s => s.Trigger.Id == triggerId)
            ?? throw new TriggerOperationException($"flow '{flow.Namespace}.{flow.Id}' has no Schedule trigger '{triggerId}'", notFound: true);
        var now = clock.GetUtcNow();
        var end = request.End ?? now;
        if (end < request.Start)
        {
            throw new TriggerOperationException($"backfill end {end:O} is before its start {request.Start:O}");
        }

        var first = schedule.Cron.GetNextOccurrence(request.Start, schedule.Zone, inclusive: true) ?? DateTimeOffset.MaxValue;
        var backfill = new BackfillState
        {
            Start = request.Start,
            End = end,
            Next = first,
            Inputs = request.Inputs,
            Labels = request.Labels ?? [],
            Created = now,
        };
        return states.UpdateAsync(schedule.Key, s => s with { Backfill = backfill }, cancellationToken);
    }

    public Task<TriggerState?> PauseAsync(TriggerKey key, CancellationToken cancellationToken = default) =>
        SetPausedAsync(key, paused: true, cancellationToken);

    public Task<TriggerState?> UnpauseAsync(TriggerKey key, CancellationToken cancellationToken = default) =>
        SetPausedAsync(key, paused: false, cancellationToken);

    /// <summary>Drops the backfill; occurrences already started keep running.</summary>
    public Task<TriggerState?> DeleteAsync(TriggerKey key, CancellationToken cancellationToken = default) =>
        states.UpdateAsync(key, s => s.Backfill is null ? null : s with { Backfill = null }, cancellationToken);

    /// <summary>
    /// Disables or re-enables a trigger (what <c>stopAfter</c> does by itself). Re-enabling resumes from now:
    /// occurrences of the disabled period are not recovered.
    /// </summary>
    public Task<TriggerState?> SetDisabledAsync(TriggerKey key, bool disabled, CancellationToken cancellationToken = default) =>
        states.UpdateAsync(key, s => s.Disabled == disabled ? null : s with { Disabled = disabled, Next = disabled ? s.Next : null }, cancellationToken);

    private Task<TriggerState?> SetPausedAsync(TriggerKey key, bool paused, CancellationToken cancellationToken) =>
        states.UpdateAsync(
            key,
            s => s.Backfill is null
                ? throw new TriggerOperationException($"trigger '{key}' has no backfill", notFound: true)
                : s.Backfill.Paused == paused ? null : s with { Backfill = s.Backfill with { Paused = paused } },
            cancellationToken);
}

using Cronos;
using Serverless.Engine.Executions;
using Serverless.Engine.Flows;
using Serverless.Engine.Triggers;

namespace Serverless.Engine.Scheduling;

/// <summary>
/// A Schedule trigger read once from its flow: the parsed cron, zone and start settings. Built per flow
/// revision (see <see cref="ScheduleDefinitions"/>), so a scheduler tick never parses a cron.
/// </summary>
public sealed record ScheduleDefinition
{
    public required Flow Flow { get; init; }

    public required TriggerDefinition Trigger { get; init; }

    public required CronExpression Cron { get; init; }

    public required TimeZoneInfo Zone { get; init; }

    /// <summary>Cron, seconds flag and zone as text: when it changes, the next occurrence is recomputed.</summary>
    public required string Signature { get; init; }

    public IReadOnlyDictionary<string, object?> Inputs { get; init; } = new Dictionary<string, object?>();

    public IReadOnlyList<Label> Labels { get; init; } = [];

    public IReadOnlyList<State> StopAfter { get; init; } = [];

    public RecoverMissedSchedules Recover { get; init; } = RecoverMissedSchedules.All;

    public TriggerKey Key => new(Flow.Namespace, Flow.Id, Trigger.Id);

    /// <summary>True when the flow or the trigger is disabled in the YAML.</summary>
    public bool Disabled => Flow.Disabled || Trigger.Disabled;

    /// <summary>Reads a Schedule trigger; null when its cron or zone does not parse (the validator reports those).</summary>
    public static ScheduleDefinition? From(Flow flow, TriggerDefinition trigger)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(trigger);
        var withSeconds = trigger.Properties.GetValueOrDefault("withSeconds") is true;
        if (trigger.String("cron") is not { } text || ScheduleTrigger.TryParseCron(text, withSeconds, out _) is not { } cron)
        {
            return null;
        }

        var zoneId = trigger.String("timezone");
        var zone = TimeZoneInfo.Utc;
        if (zoneId is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out zone))
        {
            return null;
        }

        return new ScheduleDefinition
        {
            Flow = flow,
            Trigger = trigger,
            Cron = cron,
            Zone = zone,
            Signature = $"{text}|{withSeconds}|{zone.Id}",
            Inputs = trigger.Map("inputs"),
            Labels = trigger.Labels(),
            StopAfter = ReadStates(trigger.Properties.GetValueOrDefault("stopAfter")),
            Recover = ReadRecover(trigger.Properties.GetValueOrDefault("recoverMissedSchedules")),
        };
    }

    private static IReadOnlyList<State> ReadStates(object? value) => value switch
    {
        string one => Enum.TryParse<State>(one, ignoreCase: true, out var s) ? [s] : [],
        IEnumerable<object?> many => [.. many.OfType<string>().Select(t => Enum.TryParse<State>(t, ignoreCase: true, out var s) ? s : (State?)null).OfType<State>()],
        _ => [],
    };

    private static RecoverMissedSchedules ReadRecover(object? value) =>
        value is string text && Enum.TryParse<RecoverMissedSchedules>(text, ignoreCase: true, out var policy) ? policy : RecoverMissedSchedules.All;
}

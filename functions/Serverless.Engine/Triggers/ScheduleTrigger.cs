using Cronos;
using Serverless.Engine.Flows;
using Serverless.Engine.Tasks;
using Serverless.Engine.Validation;

namespace Serverless.Engine.Triggers;

/// <summary>
/// <c>io.kestra.plugin.core.trigger.Schedule</c>: starts the flow on a cron schedule (5 fields, or 6 with
/// <c>withSeconds</c>), in <c>timezone</c>.
/// </summary>
public sealed class ScheduleTrigger : TriggerType
{
    public override IReadOnlyList<string> Names { get; } =
        ["io.kestra.plugin.core.trigger.Schedule", "io.kestra.core.models.triggers.types.Schedule"];

    public override IReadOnlyList<PropertySpec> Properties { get; } =
    [
        PropertySpec.String("cron", required: true),
        PropertySpec.Boolean("withSeconds"),
        PropertySpec.String("timezone"),
        PropertySpec.Map("inputs"),
        PropertySpec.Any("labels"),
        PropertySpec.Duration("interval"),
        PropertySpec.Any("stopAfter"),
        PropertySpec.Any("recoverMissedSchedules"),
        PropertySpec.Any("backfill"),
        PropertySpec.List("conditions"),
        PropertySpec.Any("scheduleConditions"),
        PropertySpec.String("description"),
        PropertySpec.String("logLevel"),
    ];

    /// <summary>Parses a cron expression as this trigger reads it; null with a reason when invalid.</summary>
    public static CronExpression? TryParseCron(string cron, bool withSeconds, out string? error)
    {
        error = null;
        var text = cron.Trim() switch
        {
            "@yearly" or "@annually" => "0 0 1 1 *",
            "@monthly" => "0 0 1 * *",
            "@weekly" => "0 0 * * 0",
            "@daily" or "@midnight" => "0 0 * * *",
            "@hourly" => "0 * * * *",
            var other => other,
        };
        try
        {
            return CronExpression.Parse(text, withSeconds ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            error = e.Message;
            return null;
        }
    }

    public override void Validate(TriggerDefinition trigger, string path, ValidationContext context)
    {
        if (trigger.Properties.GetValueOrDefault("cron") is not string cron)
        {
            return;
        }

        var withSeconds = trigger.Properties.GetValueOrDefault("withSeconds") is true;
        if (TryParseCron(cron, withSeconds, out var error) is null)
        {
            context.Add(trigger.Position, path + ".cron", $"invalid cron expression '{cron}': {error}");
        }

        if (trigger.Properties.GetValueOrDefault("timezone") is string zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            context.Add(trigger.Position, path + ".timezone", $"unknown time zone '{zone}'");
        }
    }
}

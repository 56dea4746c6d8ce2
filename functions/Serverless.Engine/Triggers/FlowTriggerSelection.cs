using Serverless.Engine.Flows;

namespace Serverless.Engine.Triggers;

/// <summary>Finds the enabled triggers of one type across flows, by any of the type's names (aliases included).</summary>
public static class FlowTriggerSelection
{
    /// <summary>Every (flow, trigger) of <typeparamref name="T"/> where neither the flow nor the trigger is disabled.</summary>
    public static IEnumerable<(Flow Flow, TriggerDefinition Trigger)> Enabled<T>(IEnumerable<Flow> flows)
        where T : TriggerType =>
        All<T>(flows).Where(p => !p.Flow.Disabled && !p.Trigger.Disabled);

    /// <summary>Every (flow, trigger) of <typeparamref name="T"/>, disabled ones included.</summary>
    public static IEnumerable<(Flow Flow, TriggerDefinition Trigger)> All<T>(IEnumerable<Flow> flows)
        where T : TriggerType
    {
        ArgumentNullException.ThrowIfNull(flows);
        foreach (var flow in flows)
        {
            foreach (var trigger in flow.Triggers)
            {
                if (Is<T>(trigger))
                {
                    yield return (flow, trigger);
                }
            }
        }
    }

    public static bool Is<T>(TriggerDefinition trigger)
        where T : TriggerType
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return TriggerTypeRegistry.BuiltIn.Find(trigger.Type) is T;
    }

    /// <summary>A string property, or null when absent or not a string.</summary>
    public static string? String(this TriggerDefinition trigger, string name) =>
        trigger.Properties.GetValueOrDefault(name) as string;

    /// <summary>A map property as a dictionary, empty when absent.</summary>
    public static IReadOnlyDictionary<string, object?> Map(this TriggerDefinition trigger, string name) =>
        trigger.Properties.GetValueOrDefault(name) as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();

    /// <summary>Labels written as a map (<c>key: value</c>) or a list of <c>{key, value}</c>.</summary>
    public static IReadOnlyList<Label> Labels(this TriggerDefinition trigger) =>
        trigger.Properties.GetValueOrDefault("labels") switch
        {
            IReadOnlyDictionary<string, object?> map => [.. map.Select(p => new Label(p.Key, Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture) ?? ""))],
            IEnumerable<object?> list => [.. list.OfType<IReadOnlyDictionary<string, object?>>()
                .Where(m => m.GetValueOrDefault("key") is string)
                .Select(m => new Label((string)m["key"]!, Convert.ToString(m.GetValueOrDefault("value"), System.Globalization.CultureInfo.InvariantCulture) ?? ""))],
            _ => [],
        };
}

using System.Runtime.CompilerServices;
using Serverless.Engine.Flows;
using Serverless.Engine.Triggers;

namespace Serverless.Engine.Scheduling;

/// <summary>
/// The Schedule triggers of each flow, read once per <see cref="Flow"/> instance (flow sources hand out the
/// same instance while a revision is unchanged). Entries go away with their flow.
/// </summary>
public static class ScheduleDefinitions
{
    private static readonly ConditionalWeakTable<Flow, IReadOnlyList<ScheduleDefinition>> Cache = [];

    public static IReadOnlyList<ScheduleDefinition> Of(Flow flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        return Cache.GetValue(flow, static f =>
        [
            .. FlowTriggerSelection.All<ScheduleTrigger>([f])
                .Select(p => ScheduleDefinition.From(p.Flow, p.Trigger))
                .OfType<ScheduleDefinition>(),
        ]);
    }
}

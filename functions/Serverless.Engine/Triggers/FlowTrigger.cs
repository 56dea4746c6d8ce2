using Serverless.Engine.Tasks;

namespace Serverless.Engine.Triggers;

/// <summary><c>io.kestra.plugin.core.trigger.Flow</c>: starts the flow when another execution ends.</summary>
public sealed class FlowTrigger : TriggerType
{
    public override IReadOnlyList<string> Names { get; } =
        ["io.kestra.plugin.core.trigger.Flow", "io.kestra.core.models.triggers.types.Flow"];

    public override IReadOnlyList<PropertySpec> Properties { get; } =
    [
        PropertySpec.List("conditions"),
        PropertySpec.Any("preconditions"),
        PropertySpec.Map("inputs"),
        PropertySpec.List("states"),
        PropertySpec.String("description"),
    ];
}

using Serverless.Engine.Tasks;

namespace Serverless.Engine.Triggers;

/// <summary><c>io.kestra.plugin.core.trigger.Webhook</c>: starts the flow on an HTTP call carrying its <c>key</c>.</summary>
public sealed class WebhookTrigger : TriggerType
{
    public override IReadOnlyList<string> Names { get; } =
        ["io.kestra.plugin.core.trigger.Webhook", "io.kestra.core.models.triggers.types.Webhook"];

    public override IReadOnlyList<PropertySpec> Properties { get; } =
    [
        PropertySpec.String("key", required: true),
        PropertySpec.List("conditions"),
        PropertySpec.Any("inputs"),
        PropertySpec.Boolean("wait"),
        PropertySpec.Boolean("returnOutputs"),
        PropertySpec.String("description"),
    ];
}

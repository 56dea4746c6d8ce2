using Serverless.Engine.Tasks;

namespace Serverless.Engine.Triggers;

/// <summary><c>io.kestra.plugin.azure.storage.blob.Trigger</c>: starts the flow for each new blob that matches.</summary>
public sealed class BlobTrigger : TriggerType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.azure.storage.blob.Trigger"];

    public override IReadOnlyList<PropertySpec> Properties { get; } =
    [
        PropertySpec.String("container", required: true),
        PropertySpec.String("prefix"),
        PropertySpec.String("suffix"),
        PropertySpec.String("regexp"),
        PropertySpec.String("endpoint"),
        PropertySpec.String("connectionString"),
        PropertySpec.Duration("interval"),
        PropertySpec.String("action"),
        PropertySpec.Any("moveTo"),
        PropertySpec.List("conditions"),
        PropertySpec.String("description"),
    ];
}

/// <summary><c>io.kestra.plugin.azure.storage.queue.Trigger</c>: starts the flow for each queue message.</summary>
public sealed class QueueTrigger : TriggerType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.azure.storage.queue.Trigger"];

    public override IReadOnlyList<PropertySpec> Properties { get; } =
    [
        PropertySpec.String("queueName", required: true),
        PropertySpec.String("endpoint"),
        PropertySpec.String("connectionString"),
        PropertySpec.Integer("maxRecords"),
        PropertySpec.Duration("interval"),
        PropertySpec.List("conditions"),
        PropertySpec.String("description"),
    ];
}

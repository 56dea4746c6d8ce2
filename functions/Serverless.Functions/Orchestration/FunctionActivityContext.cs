using Microsoft.DurableTask;

namespace Serverless.Functions.Orchestration;

/// <summary>
/// The engine's activities take a <see cref="TaskActivityContext"/>; Durable Functions binds the input
/// instead, so the wrappers hand them this one (the engine's activities only read the name).
/// </summary>
internal sealed class FunctionActivityContext(string name, string instanceId) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;
}

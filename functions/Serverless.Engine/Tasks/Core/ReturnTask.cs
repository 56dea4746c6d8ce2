using Serverless.Engine.Contracts;

namespace Serverless.Engine.Tasks.Core;

/// <summary>
/// <c>io.kestra.plugin.core.debug.Return</c>: renders <c>format</c> and returns it as <c>outputs.{id}.value</c>.
/// <code>
/// - id: greeting
///   type: io.kestra.plugin.core.debug.Return
///   format: "{{ task.id }} > {{ taskrun.startDate }}"
/// </code>
/// </summary>
public sealed class ReturnTask : RunnableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.debug.Return", "io.kestra.core.tasks.debugs.Return", "io.kestra.core.tasks.debug.Return"];

    public override IReadOnlyList<PropertySpec> Properties { get; } = [PropertySpec.String("format")];

    public override Task<TaskResult> RunAsync(TaskRunContext context)
    {
        var value = context.RenderString("format");
        return Task.FromResult(TaskResult.Success(new Dictionary<string, object?> { ["value"] = value }));
    }
}

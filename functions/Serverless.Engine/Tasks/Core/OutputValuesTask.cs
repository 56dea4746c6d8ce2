using Serverless.Engine.Contracts;

namespace Serverless.Engine.Tasks.Core;

/// <summary>
/// <c>io.kestra.plugin.core.output.OutputValues</c>: renders <c>values</c> and exposes them as
/// <c>outputs.{id}.values</c>.
/// <code>
/// - id: out
///   type: io.kestra.plugin.core.output.OutputValues
///   values:
///     greeting: "hello {{ inputs.name }}"
/// </code>
/// </summary>
public sealed class OutputValuesTask : RunnableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.output.OutputValues", "io.kestra.core.tasks.outputs.OutputValues"];

    public override IReadOnlyList<PropertySpec> Properties { get; } = [PropertySpec.Map("values")];

    public override Task<TaskResult> RunAsync(TaskRunContext context) =>
        Task.FromResult(TaskResult.Success(new Dictionary<string, object?>
        {
            ["values"] = context.RenderValue("values") ?? new Dictionary<string, object?>(),
        }));
}

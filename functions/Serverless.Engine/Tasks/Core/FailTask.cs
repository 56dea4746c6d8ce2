using Serverless.Engine.Contracts;

namespace Serverless.Engine.Tasks.Core;

/// <summary>
/// <c>io.kestra.plugin.core.execution.Fail</c>: fails the task run with <c>errorMessage</c>, or only when
/// <c>condition</c> renders truthy.
/// <code>
/// - id: stop
///   type: io.kestra.plugin.core.execution.Fail
///   condition: "{{ inputs.value == 'bad' }}"
///   errorMessage: "bad value"
/// </code>
/// </summary>
public sealed class FailTask : RunnableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.execution.Fail", "io.kestra.core.tasks.executions.Fail"];

    public override IReadOnlyList<PropertySpec> Properties { get; } = [PropertySpec.String("condition"), PropertySpec.String("errorMessage")];

    public override Task<TaskResult> RunAsync(TaskRunContext context)
    {
        if (context.Raw("condition") is not null && !Truthiness.IsTruthy(context.RenderValue("condition")))
        {
            return Task.FromResult(TaskResult.Success());
        }

        var message = context.RenderString("errorMessage") ?? "Task failure";
        context.Log("ERROR", message);
        return Task.FromResult(TaskResult.Failed("Fail", message) with { ErrorLogs = context.ErrorLines });
    }
}

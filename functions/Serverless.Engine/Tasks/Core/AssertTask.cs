using Serverless.Engine.Contracts;
using Serverless.Engine.Expressions;
using Serverless.Engine.Flows;
using Serverless.Engine.Validation;

namespace Serverless.Engine.Tasks.Core;

/// <summary>
/// <c>io.kestra.plugin.core.execution.Assert</c>: renders each of <c>conditions</c> and fails the task when any
/// is falsy (empty, <c>false</c>, <c>0</c>, <c>null</c>) or cannot be rendered. Every condition is checked, each
/// failed one is logged at ERROR, and the failure message counts and names them, then adds <c>errorMessage</c>.
/// <code>
/// - id: check
///   type: io.kestra.plugin.core.execution.Assert
///   conditions:
///     - "{{ outputs.count.value > 0 }}"
///   errorMessage: "nothing was counted"
/// </code>
/// </summary>
public sealed class AssertTask : RunnableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.execution.Assert"];

    public override IReadOnlyList<PropertySpec> Properties { get; } =
        [PropertySpec.List("conditions", required: true), PropertySpec.String("errorMessage")];

    public override void Validate(TaskDefinition task, ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(context);
        if (task.Properties.GetValueOrDefault("conditions") is IReadOnlyList<object?> { Count: 0 })
        {
            context.Add(task.PositionOf("conditions"), $"{task.Id}.conditions", "an Assert needs at least one condition");
        }
    }

    public override Task<TaskResult> RunAsync(TaskRunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var conditions = context.Raw("conditions") as IReadOnlyList<object?> ?? [];
        var failed = new List<string>();
        foreach (var condition in conditions.Select(ExpressionEngine.ToText))
        {
            try
            {
                if (!Truthiness.IsTruthy(context.Render(condition)))
                {
                    context.Log("ERROR", $"Assertion `{condition}` failed!");
                    failed.Add(condition);
                }
            }
            catch (ExpressionException e)
            {
                context.Log("ERROR", $"Assertion `{condition}` failed, failed to render: {e.Message}");
                failed.Add(condition);
            }
        }

        if (failed.Count == 0)
        {
            return Task.FromResult(TaskResult.Success());
        }

        var message = $"{failed.Count} assertion{(failed.Count > 1 ? "s" : "")} failed! ({string.Join("; ", failed.Select(c => $"`{c}`"))})";
        if (context.RenderString("errorMessage") is { Length: > 0 } extra)
        {
            message += "\n" + extra;
        }

        context.Log("ERROR", message);
        return Task.FromResult(TaskResult.Failed("AssertionFailed", message));
    }
}

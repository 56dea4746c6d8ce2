using Serverless.Engine.Contracts;
using Serverless.Engine.Logs;
using Serverless.Engine.Validation;
using Serverless.Engine.Flows;

namespace Serverless.Engine.Tasks.Core;

/// <summary>
/// <c>io.kestra.plugin.core.log.Log</c>: writes a message (or each of a list of messages) to the execution's
/// logs at <c>level</c> (default INFO).
/// <code>
/// - id: hello
///   type: io.kestra.plugin.core.log.Log
///   message: "Hello {{ inputs.name }}"
///   level: WARN
/// </code>
/// </summary>
public sealed class LogTask : RunnableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.log.Log", "io.kestra.core.tasks.log.Log"];

    public override IReadOnlyList<PropertySpec> Properties { get; } =
    [
        new("message", PropertyKind.StringOrList, Required: true),
        PropertySpec.String("level"),
    ];

    public override void Validate(TaskDefinition task, ValidationContext context)
    {
        if (task.Properties.GetValueOrDefault("level") is string level && !level.Contains("{{", StringComparison.Ordinal) && !LogLevels.IsValid(level))
        {
            context.Add(task.PositionOf("level"), $"{task.Id}.level", $"unknown log level '{level}' (expected one of {string.Join(", ", LogLevels.All)})");
        }
    }

    public override Task<TaskResult> RunAsync(TaskRunContext context)
    {
        var level = context.RenderString("level") ?? "INFO";
        var messages = context.RenderValue("message") switch
        {
            IReadOnlyList<object?> list => list.Select(Expressions.ExpressionEngine.ToText),
            var single => [Expressions.ExpressionEngine.ToText(single)],
        };
        foreach (var message in messages)
        {
            context.Log(level, message);
        }

        return Task.FromResult(TaskResult.Success());
    }
}

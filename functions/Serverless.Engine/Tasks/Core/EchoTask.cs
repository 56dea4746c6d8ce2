using Serverless.Engine.Contracts;
using Serverless.Engine.Flows;
using Serverless.Engine.Logs;
using Serverless.Engine.Validation;

namespace Serverless.Engine.Tasks.Core;

/// <summary>
/// <c>io.kestra.plugin.core.debug.Echo</c> (deprecated in Kestra, kept so old flows run): logs the rendered
/// <c>format</c> at <c>level</c> (default INFO). No outputs; new flows should use <c>io.kestra.plugin.core.log.Log</c>.
/// <code>
/// - id: echo
///   type: io.kestra.plugin.core.debug.Echo
///   format: "{{ task.id }} > {{ taskrun.startDate }}"
///   level: WARN
/// </code>
/// </summary>
public sealed class EchoTask : RunnableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.debug.Echo", "io.kestra.core.tasks.debugs.Echo"];

    public override IReadOnlyList<PropertySpec> Properties { get; } = [PropertySpec.String("format"), PropertySpec.String("level")];

    public override void Validate(TaskDefinition task, ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(context);
        if (task.Properties.GetValueOrDefault("level") is string level && !level.Contains("{{", StringComparison.Ordinal) && !LogLevels.IsValid(level))
        {
            context.Add(task.PositionOf("level"), $"{task.Id}.level", $"unknown log level '{level}' (expected one of {string.Join(", ", LogLevels.All)})");
        }
    }

    public override Task<TaskResult> RunAsync(TaskRunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Log(context.RenderString("level") ?? "INFO", context.RenderString("format") ?? "");
        return Task.FromResult(TaskResult.Success());
    }
}

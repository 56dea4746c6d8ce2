using Serverless.Engine.Executions;
using Serverless.Engine.Orchestration;

namespace Serverless.Engine.Tasks.Flow;

/// <summary>
/// <c>io.kestra.plugin.core.flow.If</c>: runs <c>then</c> when <c>condition</c> is truthy (true, "true", 1),
/// else <c>else</c> (false, "false", 0, empty, null).
/// <code>
/// - id: check
///   type: io.kestra.plugin.core.flow.If
///   condition: "{{ inputs.enabled }}"
///   then: [...]
///   else: [...]
/// </code>
/// </summary>
public sealed class IfTask : FlowableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.flow.If", "io.kestra.core.tasks.flows.If"];

    public override IReadOnlyList<PropertySpec> Properties { get; } =
        [PropertySpec.String("condition", required: true), PropertySpec.Tasks("then", required: true), PropertySpec.Tasks("else")];

    public override Task<State> ExecuteAsync(FlowableRun run)
    {
        var condition = Truthiness.IsTruthy(run.RenderProperty("condition"));
        return run.RunSequenceAsync(run.Task.Branch(condition ? "then" : "else"));
    }
}

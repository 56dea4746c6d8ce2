using Serverless.Engine.Executions;
using Serverless.Engine.Flows;
using Serverless.Engine.Orchestration;
using Serverless.Engine.Validation;

namespace Serverless.Engine.Tasks.Flow;

/// <summary>
/// <c>io.kestra.plugin.core.flow.Switch</c>: renders <c>value</c> and runs the tasks of the matching case, or
/// <c>defaults</c>; with neither the task run fails. Outputs <c>value</c> and <c>defaults</c> (true when the
/// defaults ran).
/// <code>
/// - id: route
///   type: io.kestra.plugin.core.flow.Switch
///   value: "{{ inputs.kind }}"
///   cases:
///     A: [...]
///   defaults: [...]
/// </code>
/// </summary>
public sealed class SwitchTask : FlowableTaskType
{
    private const string CasePrefix = "cases/";

    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.flow.Switch", "io.kestra.core.tasks.flows.Switch"];

    public override IReadOnlyList<PropertySpec> Properties { get; } =
    [
        PropertySpec.String("value", required: true),
        new("cases", PropertyKind.TaskMap),
        PropertySpec.Tasks("defaults"),
    ];

    public override void Validate(TaskDefinition task, ValidationContext context)
    {
        if (!task.Branches.Any(b => b.Name.StartsWith(CasePrefix, StringComparison.Ordinal)) && task.Branch("defaults").Count == 0)
        {
            context.Add(task.PositionOf("cases"), $"{task.Id}.cases", "a Switch needs at least one case or defaults");
        }

        // Kestra: each case's list is @NotEmpty and `defaults` has @Size(min = 1).
        foreach (var branch in task.Branches.Where(b => b.Tasks.Count == 0))
        {
            if (branch.Name.StartsWith(CasePrefix, StringComparison.Ordinal))
            {
                var key = branch.Name[CasePrefix.Length..];
                context.Add(task.PositionOf("cases"), $"{task.Id}.cases.{key}", $"case '{key}' has no tasks: give it at least one task or remove it");
            }
            else if (branch.Name == "defaults")
            {
                context.Add(task.PositionOf("defaults"), $"{task.Id}.defaults", "'defaults' cannot be empty: give it at least one task or remove it");
            }
        }
    }

    public override async Task<State> ExecuteAsync(FlowableRun run)
    {
        var value = run.RenderString("value") ?? "";
        var chosen = run.Task.FindBranch(CasePrefix + value);
        var defaults = chosen is null;
        run.SetOutputs(new Dictionary<string, object?> { ["value"] = value, ["defaults"] = defaults });
        var tasks = chosen?.Tasks ?? run.Task.Branch("defaults");
        if (tasks.Count == 0)
        {
            return run.Fail($"no case matches '{value}' and there are no defaults");
        }

        return await run.RunSequenceAsync(tasks);
    }
}

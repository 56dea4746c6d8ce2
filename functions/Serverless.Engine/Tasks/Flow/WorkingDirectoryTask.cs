using Serverless.Engine.Executions;
using Serverless.Engine.Flows;
using Serverless.Engine.Orchestration;
using Serverless.Engine.Validation;

namespace Serverless.Engine.Tasks.Flow;

/// <summary>
/// <c>io.kestra.plugin.core.flow.WorkingDirectory</c>: runs its tasks in sequence sharing one working
/// directory. Needs at least one task.
/// </summary>
public sealed class WorkingDirectoryTask : FlowableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.flow.WorkingDirectory", "io.kestra.core.tasks.flows.WorkingDirectory"];

    public override IReadOnlyList<PropertySpec> Properties { get; } =
    [
        PropertySpec.Tasks("tasks"),
        PropertySpec.Map("inputFiles"),
        PropertySpec.List("outputFiles"),
        PropertySpec.Map("namespaceFiles"),
        PropertySpec.Any("cache"),
    ];

    public override void Validate(TaskDefinition task, ValidationContext context)
    {
        if (task.Branch("tasks").Count == 0)
        {
            context.Add(task.Position, $"{task.Id}.tasks", "a WorkingDirectory needs at least one task");
        }
    }

    public override Task<State> ExecuteAsync(FlowableRun run) => run.RunSequenceAsync(run.Task.Branch("tasks"));
}

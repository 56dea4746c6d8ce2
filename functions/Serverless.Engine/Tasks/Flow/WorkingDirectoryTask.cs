using Microsoft.DurableTask;
using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Flows;
using Serverless.Engine.Orchestration;
using Serverless.Engine.Validation;

namespace Serverless.Engine.Tasks.Flow;

/// <summary>
/// <c>io.kestra.plugin.core.flow.WorkingDirectory</c>: runs its runnable tasks in sequence in one folder on
/// one worker, so a file one task writes is there for the next. The folder gets the WorkingDirectory's own
/// <c>namespaceFiles</c> and <c>inputFiles</c> first; its <c>outputFiles</c> are uploaded once every task
/// has succeeded (<c>outputs.{id}.outputFiles</c>).
/// <code>
/// - id: wd
///   type: io.kestra.plugin.core.flow.WorkingDirectory
///   outputFiles: ["report.txt"]
///   tasks:
///     - id: write
///       type: io.kestra.plugin.scripts.shell.Commands
///       commands: ["echo hello > data.txt"]
///     - id: read
///       type: io.kestra.plugin.scripts.shell.Commands
///       commands: ["wc -l data.txt > report.txt"]
/// </code>
/// </summary>
/// <remarks>
/// The tasks run in one activity (<see cref="OrchestrationNames.RunTaskGroup"/>): the folder exists on one
/// worker only. Activities run at least once, so a crash runs the whole group again from its first task.
/// Retries of a task happen inside that activity, and their waits hold the worker.
/// </remarks>
public sealed class WorkingDirectoryTask : FlowableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.flow.WorkingDirectory", "io.kestra.core.tasks.flows.WorkingDirectory", "io.kestra.core.tasks.flows.Worker"];

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
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(context);
        var tasks = task.Branch("tasks");
        if (tasks.Count == 0)
        {
            context.Add(task.Position, $"{task.Id}.tasks", "a WorkingDirectory needs at least one task");
        }

        foreach (var child in tasks.Where(c => TaskTypeRegistry.BuiltIn.Find(c.Type) is FlowableTaskType))
        {
            context.Add(child.Position, $"{task.Id}.tasks.{child.Id}",
                $"only runnable tasks are allowed as children of a WorkingDirectory task; '{child.Id}' is a flowable task ({child.Type})");
        }
    }

    public override async Task<State> ExecuteAsync(FlowableRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var children = run.Task.Branch("tasks").Where(t => !t.Disabled).ToList();
        var ids = children.Select(_ => run.NewRunId()).ToList();
        TaskGroupResult result;
        try
        {
            result = await run.Context.CallActivityAsync<TaskGroupResult>(OrchestrationNames.RunTaskGroup, run.BuildGroupRequest(children, ids));
        }
        catch (TaskFailedException e)
        {
            return run.Fail(e.FailureDetails.ErrorMessage);
        }

        var state = State.SUCCESS;
        foreach (var outcome in result.Tasks)
        {
            state = States.Worst(state, run.RecordChild(children[ids.IndexOf(outcome.TaskRunId)], outcome));
        }

        if (result.Outputs is { Count: > 0 } outputs)
        {
            run.SetOutputs(outputs);
        }

        return result.Failure is { } failure ? run.Fail(failure.Message) : state;
    }
}

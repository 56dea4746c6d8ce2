using Serverless.Engine.Expressions;
using Serverless.Engine.Flows;
using Serverless.Engine.Storage;
using Serverless.Engine.Validation;

namespace Serverless.Engine.Tasks.Scripts;

/// <summary>Checks made when the flow is parsed, so a flow that cannot run here is refused before it starts.</summary>
public abstract partial class ScriptTaskType
{
    /// <summary>The task runner types accepted: Kestra's Process runner under its current and older names.</summary>
    public static IReadOnlyList<string> ProcessRunnerTypes { get; } =
    [
        "io.kestra.plugin.core.runner.Process",
        "io.kestra.core.models.tasks.runners.types.ProcessTaskRunner",
    ];

    public override void Validate(TaskDefinition task, ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(context);
        ValidateRunner(task, context);
        if (task.Properties.GetValueOrDefault("outputFiles") is IReadOnlyList<object?> outputFiles)
        {
            foreach (var pattern in outputFiles.OfType<string>().Where(p => !ExpressionEngine.ContainsTemplate(p)))
            {
                try
                {
                    Globs.Compile([pattern], "outputFiles");
                }
                catch (ArgumentException e)
                {
                    context.Add(task.PositionOf("outputFiles"), $"{task.Id}.outputFiles", e.Message);
                }
            }
        }

        if (task.Properties.GetValueOrDefault("inputFiles") is IReadOnlyDictionary<string, object?> inputFiles)
        {
            foreach (var name in inputFiles.Keys.Where(n => !ExpressionEngine.ContainsTemplate(n)))
            {
                try
                {
                    StoragePaths.NormalizeRelative(name);
                }
                catch (StorageException e)
                {
                    context.Add(task.PositionOf("inputFiles"), $"{task.Id}.inputFiles", $"input file name: {e.Message}");
                }
            }
        }
    }

    private static void ValidateRunner(TaskDefinition task, ValidationContext context)
    {
        const string Advice = "Docker task runners are not available in a serverless worker; use taskRunner: {type: io.kestra.plugin.core.runner.Process}";
        if (task.Properties.GetValueOrDefault("taskRunner") is IReadOnlyDictionary<string, object?> runner)
        {
            var type = runner.GetValueOrDefault("type") as string;
            if (type is null)
            {
                context.Add(task.PositionOf("taskRunner"), $"{task.Id}.taskRunner.type", "the task runner needs a 'type' (io.kestra.plugin.core.runner.Process)");
            }
            else if (type.Contains("docker", StringComparison.OrdinalIgnoreCase))
            {
                context.Add(task.PositionOf("taskRunner"), $"{task.Id}.taskRunner.type", $"task runner '{type}' is not supported: {Advice}");
            }
            else if (!ProcessRunnerTypes.Contains(type, StringComparer.Ordinal))
            {
                context.Add(task.PositionOf("taskRunner"), $"{task.Id}.taskRunner.type", $"task runner '{type}' is not supported: only io.kestra.plugin.core.runner.Process runs here");
            }
        }

        if (task.Properties.GetValueOrDefault("runner") is string legacy && !ExpressionEngine.ContainsTemplate(legacy)
            && !legacy.Equals("PROCESS", StringComparison.OrdinalIgnoreCase))
        {
            context.Add(task.PositionOf("runner"), $"{task.Id}.runner", $"runner '{legacy}' is not supported: {Advice}");
        }
    }
}

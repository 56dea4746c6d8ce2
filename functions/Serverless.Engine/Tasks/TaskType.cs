using Serverless.Engine.Flows;
using Serverless.Engine.Validation;

namespace Serverless.Engine.Tasks;

/// <summary>
/// A task type: its names (canonical first, then Kestra's legacy aliases), its declared properties and its
/// checks. Runnable types do I/O in an activity; flowable types only decide what runs next, in the
/// orchestration.
/// </summary>
public abstract class TaskType
{
    /// <summary>The canonical name first, then aliases, e.g. <c>io.kestra.core.tasks.log.Log</c>.</summary>
    public abstract IReadOnlyList<string> Names { get; }

    /// <summary>The properties this type accepts besides the ones every task has.</summary>
    public virtual IReadOnlyList<PropertySpec> Properties => [];

    /// <summary>The canonical name.</summary>
    public string Name => Names[0];

    /// <summary>Checks that need more than property kinds (e.g. a Switch needs cases).</summary>
    public virtual void Validate(TaskDefinition task, ValidationContext context)
    {
    }
}

using Serverless.Engine.Flows;
using Serverless.Engine.Tasks;
using Serverless.Engine.Validation;

namespace Serverless.Engine.Triggers;

/// <summary>A trigger type: names (canonical first, then aliases), declared properties and checks.</summary>
public abstract class TriggerType
{
    public abstract IReadOnlyList<string> Names { get; }

    public virtual IReadOnlyList<PropertySpec> Properties => [];

    public string Name => Names[0];

    /// <summary>Checks beyond property kinds, such as a valid cron expression.</summary>
    public virtual void Validate(TriggerDefinition trigger, string path, ValidationContext context)
    {
    }
}

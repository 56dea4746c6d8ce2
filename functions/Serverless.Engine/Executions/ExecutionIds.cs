using Serverless.Engine.Orchestration;

namespace Serverless.Engine.Executions;

/// <summary>New execution ids for clients. Orchestration code never calls this: it uses the context's ids.</summary>
public static class ExecutionIds
{
    /// <summary>A new random Kestra-style id.</summary>
    public static string New()
    {
#pragma warning disable RS0030 // Client-side id: this runs before the orchestration exists, never inside it.
        return ShortIds.From(Guid.NewGuid());
#pragma warning restore RS0030
    }
}

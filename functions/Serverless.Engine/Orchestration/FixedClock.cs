namespace Serverless.Engine.Orchestration;

/// <summary>A clock stopped at the orchestration's current time, for pure helpers that take a TimeProvider.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

namespace Serverless.Engine.Flows;

/// <summary>What happens to a new execution when <c>limit</c> executions of the flow are running.</summary>
public enum ConcurrencyBehavior
{
    Queue,
    Cancel,
    Fail,
}

/// <summary>The flow's <c>concurrency</c> block.</summary>
public sealed record ConcurrencyLimit(int Limit, ConcurrencyBehavior Behavior);

namespace Serverless.Engine.Flows;

/// <summary>The kind of wait between attempts.</summary>
public enum RetryKind
{
    Constant,
    Exponential,
    Random,
}

/// <summary>
/// A task's (or the flow's) retry policy. <see cref="MaxAttempt"/> counts the first run, as Kestra does;
/// waits between attempts are durable timers, so a retrying task holds no worker.
/// </summary>
public sealed record RetryPolicy
{
    public RetryKind Kind { get; init; } = RetryKind.Constant;

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan? MaxInterval { get; init; }

    public TimeSpan? MinInterval { get; init; }

    public double DelayFactor { get; init; } = 2;

    public int? MaxAttempt { get; init; }

    public TimeSpan? MaxDuration { get; init; }

    public bool WarningOnRetry { get; init; }

    /// <summary>
    /// The wait before attempt number <paramref name="nextAttempt"/> (1 = the first retry).
    /// <paramref name="jitter"/> in [0,1) comes from the caller so orchestration code stays deterministic.
    /// </summary>
    public TimeSpan DelayBefore(int nextAttempt, double jitter)
    {
        switch (Kind)
        {
            case RetryKind.Exponential:
                var factor = Math.Pow(DelayFactor <= 0 ? 2 : DelayFactor, Math.Max(0, nextAttempt - 1));
                var delay = TimeSpan.FromMilliseconds(Interval.TotalMilliseconds * factor);
                return MaxInterval is { } max && delay > max ? max : delay;
            case RetryKind.Random:
                var min = MinInterval ?? TimeSpan.Zero;
                var upper = MaxInterval ?? min;
                return min + TimeSpan.FromMilliseconds((upper - min).TotalMilliseconds * jitter);
            default:
                return Interval;
        }
    }

    /// <summary>Whether another attempt may start after <paramref name="attemptsSoFar"/> attempts over <paramref name="elapsed"/>.</summary>
    public bool AllowsAnother(int attemptsSoFar, TimeSpan elapsed) =>
        (MaxAttempt is not { } max || attemptsSoFar < max)
        && (MaxDuration is not { } limit || elapsed < limit)
        && (MaxAttempt is not null || MaxDuration is not null);
}

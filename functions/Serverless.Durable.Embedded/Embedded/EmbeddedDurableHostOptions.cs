using Microsoft.Extensions.Logging;

namespace Serverless.Durable.Embedded;

/// <summary>Tuning for the embedded Durable Task host.</summary>
/// <remarks>
/// The defaults suit a laptop or a test run: the embedded sidecar itself never caps or polls (work is pushed to
/// the worker the moment it exists), the worker's own concurrency limits are generous, and logging is at Warning
/// so nothing reaches the console on the hot path.
/// </remarks>
public sealed class EmbeddedDurableHostOptions
{
    /// <summary>Most activities the worker runs at once (its <c>MaximumConcurrentActivityWorkItems</c>).</summary>
    public int MaxConcurrentActivityWorkItems { get; set; } = 100_000;

    /// <summary>Most orchestration episodes the worker runs at once (its <c>MaximumConcurrentOrchestrationWorkItems</c>).</summary>
    public int MaxConcurrentOrchestrationWorkItems { get; set; } = 10_000;

    /// <summary>Least severe log level forwarded to the logger factory.</summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Warning;

    /// <summary>
    /// Most ended instances kept in memory; the oldest-ended go first. A long-running <c>flows serve</c> would
    /// otherwise grow with every execution it ever ran. Ended executions stay readable through the execution
    /// records, which the API falls back to.
    /// </summary>
    public int MaxEndedInstances { get; set; } = 10_000;

    /// <summary>How long an ended instance stays in memory at most (checked whenever another instance ends).</summary>
    public TimeSpan EndedInstanceRetention { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Clock for durable timers and instance timestamps.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentActivityWorkItems, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentOrchestrationWorkItems, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxEndedInstances, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(EndedInstanceRetention, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}

using Microsoft.Extensions.Logging;

namespace Serverless.Cli.Embedded;

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

    /// <summary>Clock for durable timers and instance timestamps.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentActivityWorkItems, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentOrchestrationWorkItems, 1);
        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}

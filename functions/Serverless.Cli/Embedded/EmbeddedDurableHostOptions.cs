using Microsoft.Extensions.Logging;

namespace Serverless.Cli.Embedded;

/// <summary>Tuning for the embedded Durable Task host.</summary>
/// <remarks>
/// The defaults suit a laptop or a test run: no practical cap on concurrent work items (a cap that is reached
/// makes the dispatcher poll every 500 ms, which is what made wide fan-outs slow), logging at Warning so nothing
/// reaches the console on the hot path.
/// </remarks>
public sealed class EmbeddedDurableHostOptions
{
    /// <summary>Most activity work items handed to the worker at once.</summary>
    public int MaxConcurrentActivityWorkItems { get; set; } = 100_000;

    /// <summary>Most orchestration episodes handed to the worker at once.</summary>
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

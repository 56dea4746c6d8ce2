namespace Serverless.Cli.Benchmarks;

/// <summary>How big each scenario is: the sizes, or small ones that only check everything still works.</summary>
internal sealed record BenchmarkSizes(
    int WarmRuns,
    int TwoTaskRuns,
    int SequentialSmall,
    int SequentialLarge,
    int ForEachSmall,
    int ForEachLarge,
    int SpawnRuns,
    int ParseTasks,
    int ScheduleFlows,
    TimeSpan ThroughputDuration)
{
    public static BenchmarkSizes Full { get; } = new(5, 30, 100, 1_000, 1_000, 10_000, 30, 1_000, 10_000, TimeSpan.FromSeconds(60));

    public static BenchmarkSizes Quick { get; } = new(1, 3, 10, 90, 20, 250, 2, 50, 200, TimeSpan.FromSeconds(2));

    public bool IsQuick => this == Quick;
}

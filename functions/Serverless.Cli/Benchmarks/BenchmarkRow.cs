namespace Serverless.Cli.Benchmarks;

/// <summary>One line of the benchmark table: what was measured, the figure, the target and whether it is met.</summary>
internal sealed record BenchmarkRow(string Benchmark, string Measured, string Target, bool? Met, string Notes = "");

/// <summary>A scenario that did not produce the expected result (wrong state, missing task runs).</summary>
internal sealed class BenchmarkFailedException(string message) : Exception(message);

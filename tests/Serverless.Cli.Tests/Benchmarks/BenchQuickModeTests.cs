using Serverless.Cli.Benchmarks;

namespace Serverless.Cli.Tests.Benchmarks;

/// <summary>
/// The regression guard for performance work: the benchmark's quick mode must run every scenario to its
/// expected result (each scenario checks final state and task-run counts itself). Time is never asserted.
/// </summary>
public sealed class BenchQuickModeTests
{
    [Fact]
    public async Task QuickBenchmark_CompletesEveryScenarioWithTheExpectedResult()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await using var runner = await BenchmarkRunner.StartAsync(BenchmarkSizes.Quick, _ => { }, timeout.Token);

        var rows = await runner.RunAsync([], timeout.Token);

        Assert.Equal(9, rows.Count);
        Assert.All(rows, row => Assert.Null(row.Met));
        Assert.Contains(rows, row => row.Benchmark.StartsWith("ForEach over 250 values", StringComparison.Ordinal));
    }

    [Fact]
    public async Task QuickBenchmark_Only_RunsJustTheNamedScenarios()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var runner = await BenchmarkRunner.StartAsync(BenchmarkSizes.Quick, _ => { }, timeout.Token);

        var rows = await runner.RunAsync(["parse", "SCHEDULE"], timeout.Token);

        Assert.Collection(
            rows,
            row => Assert.StartsWith("parse + validate", row.Benchmark, StringComparison.Ordinal),
            row => Assert.StartsWith("schedule evaluation tick", row.Benchmark, StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_RendersOneTableRowPerBenchmark()
    {
        var table = BenchmarkRunner.Markdown([new BenchmarkRow("a", "1 ms", "≤ 2 ms", true), new BenchmarkRow("b", "3 ms", "≤ 2 ms", false, "note")]);

        Assert.Equal(
            "| benchmark | measured | target | met |\n|---|---|---|---|\n| a | 1 ms | ≤ 2 ms | yes |\n| b | 3 ms (note) | ≤ 2 ms | **no** |\n",
            table);
    }
}

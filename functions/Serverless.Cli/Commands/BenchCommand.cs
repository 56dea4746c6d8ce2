using System.CommandLine;
using Serverless.Cli.Benchmarks;
using Serverless.Cli.Terminal;

namespace Serverless.Cli.Commands;

/// <summary>
/// <c>flows bench</c>: the performance scenarios, printed as a markdown table. <c>--quick</c> runs tiny sizes and
/// only checks that every scenario completes with the expected result (what CI runs).
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "Tiny sizes: check every scenario completes correctly; no targets are judged." };
        var only = new Option<string[]>("--only")
        {
            Description = "Run only these scenarios (repeatable): " + string.Join(", ", BenchmarkRunner.ScenarioKeys) + ".",
            AllowMultipleArgumentsPerToken = true,
        };
        only.AcceptOnlyFromAmong([.. BenchmarkRunner.ScenarioKeys]);
        var command = new Command("bench", "Measure the embedded engine: latency, fan-out, long sequences, script overhead, parsing, schedules, throughput. Prints a markdown table on stdout.")
        {
            quick,
            only,
        };
        command.SetAction((result, cancellation) => RunAsync(result.GetValue(quick), result.GetValue(only) ?? [], cancellation));
        return command;
    }

    private static async Task<int> RunAsync(bool quick, IReadOnlyCollection<string> only, CancellationToken cancellation)
    {
        var stderr = Consoles.Stderr();
        var sizes = quick ? BenchmarkSizes.Quick : BenchmarkSizes.Full;
        try
        {
            await using var runner = await BenchmarkRunner.StartAsync(sizes, name => stderr.Dim($"running: {name}…"), cancellation);
            var rows = await runner.RunAsync(only, cancellation);
            Console.Out.Write(BenchmarkRunner.Markdown(rows));
            stderr.Dim($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {(quick ? "quick sizes" : "full sizes")}");
            return rows.Any(r => r.Met == false) ? 2 : 0;
        }
        catch (BenchmarkFailedException e)
        {
            stderr.Error("benchmark failed: " + e.Message);
            return 1;
        }
    }
}

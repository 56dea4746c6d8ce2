using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Serverless.Cli.Benchmarks;

/// <summary>Scenarios that run flows on the embedded engine.</summary>
internal sealed partial class BenchmarkRunner
{
    private const string TwoTaskFlow = """
        id: two-tasks
        namespace: bench
        tasks:
          - id: first
            type: io.kestra.plugin.core.debug.Return
            format: one
          - id: second
            type: io.kestra.plugin.core.debug.Return
            format: "{{ outputs.first.value }} two"
        """;

    private async Task<BenchmarkRow> TwoTaskFlowAsync(CancellationToken ct)
    {
        for (var i = 0; i < Sizes.WarmRuns; i++)
        {
            await RunFlowAsync(TwoTaskFlow, 2, ct);
        }

        var times = new List<double>();
        for (var i = 0; i < Sizes.TwoTaskRuns; i++)
        {
            times.Add((await RunFlowAsync(TwoTaskFlow, 2, ct)).TotalMilliseconds);
        }

        var median = Median(times);
        return new("2-task flow, start → SUCCESS, warm (median)", Ms(median), "≤ 15 ms", Check(median <= 15), $"{Sizes.TwoTaskRuns} runs");
    }

    private async Task<IEnumerable<BenchmarkRow>> SequentialAsync(CancellationToken ct)
    {
        var small = Sizes.SequentialSmall;
        await RunFlowAsync(BenchmarkFlows.Sequential(small), small, ct);
        await BaselineAsync(small, ct);
        var yaml = new List<double>();
        var baseline = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            yaml.Add((await RunFlowAsync(BenchmarkFlows.Sequential(small), small, ct)).TotalMilliseconds);
            baseline.Add((await BaselineAsync(small, ct)).TotalMilliseconds);
        }

        var ratio = Median(yaml) / Median(baseline);
        var large = Sizes.SequentialLarge;
        var largeTime = (await RunFlowAsync(BenchmarkFlows.Sequential(large), large, ct)).TotalMilliseconds;
        var perStepSmall = Median(yaml) / small;
        var perStepLarge = largeTime / large;
        var growth = perStepLarge / perStepSmall;
        return
        [
            new($"{small} sequential Return tasks: YAML ÷ hand-written orchestration", $"{ratio:F2} ({Ms(Median(yaml))} vs {Ms(Median(baseline))})", "≤ 1.10", Check(ratio <= 1.10)),
            new($"per-step time at {large} sequential tasks ÷ at {small}", $"{growth:F2} ({Ms(perStepLarge)} vs {Ms(perStepSmall)} per step)", "≤ 1.5", Check(growth <= 1.5), $"{large} tasks took {Ms(largeTime)}"),
        ];
    }

    private async Task<TimeSpan> BaselineAsync(int steps, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var id = await _host.Client.ScheduleNewOrchestrationInstanceAsync(BaselineOrchestration.Name, steps, ct);
        var metadata = await _host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, ct);
        watch.Stop();
        if (metadata.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            throw new BenchmarkFailedException($"the hand-written baseline ended {metadata.RuntimeStatus}: {metadata.FailureDetails?.ErrorMessage}");
        }

        return watch.Elapsed;
    }

    private async Task<IEnumerable<BenchmarkRow>> ForEachAsync(CancellationToken ct)
    {
        var small = Sizes.ForEachSmall;
        var smallTime = await RunFlowAsync(BenchmarkFlows.ForEach(small), small + 1, ct);
        var large = Sizes.ForEachLarge;
        var largeTime = await RunFlowAsync(BenchmarkFlows.ForEach(large), large + 1, ct);
        using var self = Process.GetCurrentProcess();
        var peakMb = self.PeakWorkingSet64 / (1024.0 * 1024);
        return
        [
            new($"ForEach over {small} values (concurrencyLimit 0, one Return child)", $"{largeTimeText(smallTime)}", "≤ 2 s", Check(smallTime <= TimeSpan.FromSeconds(2))),
            new($"ForEach over {large} values", $"{largeTimeText(largeTime)}, peak RSS {peakMb:F0} MB", "≤ 20 s, memory bounded", Check(largeTime <= TimeSpan.FromSeconds(20)), "peak RSS of the whole benchmark process"),
        ];

        static string largeTimeText(TimeSpan time) => time.TotalSeconds < 1 ? Ms(time.TotalMilliseconds) : $"{time.TotalSeconds:F2} s";
    }

    private async Task<BenchmarkRow> ThroughputAsync(CancellationToken ct)
    {
        const int InFlight = 32;
        var completed = 0;
        var watch = Stopwatch.StartNew();
        async Task Worker()
        {
            while (watch.Elapsed < Sizes.ThroughputDuration)
            {
                await RunFlowAsync(TwoTaskFlow, 2, ct);
                Interlocked.Increment(ref completed);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, InFlight).Select(_ => Worker()));
        var perSecond = completed / watch.Elapsed.TotalSeconds;
        return new($"executions/s, 2-task flow, {Sizes.ThroughputDuration.TotalSeconds:F0} s run", $"{perSecond:F0}/s ({completed} executions)", "report (Kestra OSS ≈ 25/s on 4 vCPUs)", null, $"{InFlight} in flight");
    }
}

using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Engine.Activities;
using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Flows;
using Serverless.Engine.Parsing;
using Serverless.Engine.Scheduling;

namespace Serverless.Cli.Benchmarks;

/// <summary>Scenarios measured without a whole execution: a script task's own cost, parsing, schedules.</summary>
internal sealed partial class BenchmarkRunner
{
    private async Task<BenchmarkRow> ShellAsync(CancellationToken ct)
    {
        var executor = _host.Services.GetRequiredService<TaskExecutor>();
        var task = new List<double>();
        var raw = new List<double>();
        for (var i = 0; i < Sizes.SpawnRuns + 2; i++)
        {
            var request = new TaskRequest
            {
                ExecutionId = "bench", Namespace = "bench", FlowId = "shell", TaskRunId = "run" + i, TaskId = "sh",
                Type = "io.kestra.plugin.scripts.shell.Commands",
                Properties = new Dictionary<string, object?> { ["commands"] = new List<object?> { "true" } },
            };
            var watch = Stopwatch.StartNew();
            var result = await executor.RunAsync(request, ct);
            var taskMs = watch.Elapsed.TotalMilliseconds;
            if (result.State != State.SUCCESS)
            {
                throw new BenchmarkFailedException($"the Shell task running 'true' ended {result.State}: {result.Failure?.Message}");
            }

            watch.Restart();
            using (var process = Process.Start(new ProcessStartInfo("bash", ["-c", "true"]) { UseShellExecute = false })!)
            {
                await process.WaitForExitAsync(ct);
            }

            var rawMs = watch.Elapsed.TotalMilliseconds;
            if (i >= 2)
            {
                task.Add(taskMs);
                raw.Add(rawMs);
            }
        }

        var ratio = Median(task) / Median(raw);
        return new("Shell task `true` ÷ raw `bash -c true` spawn (activity level, median)", $"{ratio:F2} ({Ms(Median(task))} vs {Ms(Median(raw))})",
            "report; ≤ 1.5 plus per-step cost", null, $"{Sizes.SpawnRuns} runs each, same process");
    }

    private BenchmarkRow ParseAndValidate()
    {
        var yaml = BenchmarkFlows.Sequential(Sizes.ParseTasks);
        var times = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var watch = Stopwatch.StartNew();
            var result = FlowParser.Default.Parse(yaml);
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (!result.IsValid)
            {
                throw new BenchmarkFailedException($"the generated {Sizes.ParseTasks}-task flow did not validate: {result.Errors[0]}");
            }
        }

        var median = Median(times.Skip(3));
        return new($"parse + validate a {Sizes.ParseTasks}-task flow (median)", Ms(median), "≤ 30 ms", Check(median <= 30));
    }

    private BenchmarkRow ScheduleTick()
    {
        var now = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
        var flows = Enumerable.Range(0, Sizes.ScheduleFlows).Select(i => new Flow
        {
            Id = "flow" + i,
            Namespace = "bench.ns" + (i % 50),
            Triggers = [new TriggerDefinition("schedule", "io.kestra.plugin.core.trigger.Schedule",
                new Dictionary<string, object?> { ["cron"] = i % 10 == 0 ? "* * * * *" : $"{i % 60} * * * *" }, false, default)],
        }).ToList();
        var evaluator = new ScheduleEvaluator(new FixedTime(now));
        var states = new Dictionary<TriggerKey, TriggerState>();
        evaluator.Evaluate(flows, states);
        var watch = Stopwatch.StartNew();
        var due = evaluator.Evaluate(flows, states);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (due.Count != flows.Count)
        {
            throw new BenchmarkFailedException($"the schedule tick evaluated {due.Count} triggers of {flows.Count} flows");
        }

        return new($"schedule evaluation tick over {Sizes.ScheduleFlows} flows", Ms(elapsed), "≤ 1 s", Check(elapsed <= 1000),
            $"{due.Sum(e => e.Due.Count)} executions due");
    }

    /// <summary>Renders the rows as a markdown table.</summary>
    public static string Markdown(IEnumerable<BenchmarkRow> rows)
    {
        var text = new StringBuilder("| benchmark | measured | target | met |\n|---|---|---|---|\n");
        foreach (var row in rows)
        {
            var met = row.Met switch { true => "yes", false => "**no**", null => "—" };
            var notes = row.Notes.Length > 0 ? $" ({row.Notes})" : "";
            text.Append($"| {row.Benchmark} | {row.Measured}{notes} | {row.Target} | {met} |\n");
        }

        return text.ToString();
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

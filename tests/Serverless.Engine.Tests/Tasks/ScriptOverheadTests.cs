using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Engine.Activities;
using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Xunit.Abstractions;

namespace Serverless.Engine.Tests.Tasks;

/// <summary>What a Shell task costs over a bare process spawn: the same run measures both.</summary>
[Collection(TaskEngineCollection.Name)]
public sealed class ScriptOverheadTests(TaskEngineFixture fixture, ITestOutputHelper output)
{
    private const int Runs = 50;

    [Fact]
    public async Task ShellTaskTrue_ComparedWithRawSpawn_StaysWithinBudget()
    {
        var executor = fixture.Engine.Services.GetRequiredService<TaskExecutor>();
        var task = new List<double>();
        var raw = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var request = new TaskRequest
            {
                ExecutionId = "bench", Namespace = "company.team", FlowId = "bench", TaskRunId = "run" + i, TaskId = "sh",
                Type = "io.kestra.plugin.scripts.shell.Commands",
                Properties = new Dictionary<string, object?> { ["commands"] = new List<object?> { "true" } },
            };
            var stopwatch = Stopwatch.StartNew();
            var result = await executor.RunAsync(request, CancellationToken.None);
            task.Add(stopwatch.Elapsed.TotalMilliseconds);
            Assert.Equal(State.SUCCESS, result.State);

            stopwatch.Restart();
            using var process = Process.Start(new ProcessStartInfo("bash", ["-c", "true"]) { UseShellExecute = false })!;
            await process.WaitForExitAsync();
            raw.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        var taskMedian = Median(task);
        var rawMedian = Median(raw);
        output.WriteLine($"Shell task 'true': median {taskMedian:F1} ms; raw bash -c true: median {rawMedian:F1} ms ({Runs} runs each)");
        Assert.True(taskMedian < 1000, $"a Shell task running 'true' took {taskMedian:F1} ms (median)");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}

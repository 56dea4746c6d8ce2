using Microsoft.DurableTask;
using Serverless.Engine.Contracts;
using Serverless.Engine.Orchestration;

namespace Serverless.Cli.Benchmarks;

/// <summary>
/// The benchmark's yardstick: a hand-written orchestration calling the same <c>RunTask</c> activity N times
/// in sequence, with no flow interpretation at all. A YAML flow of N Return tasks is compared with it.
/// </summary>
internal sealed class BaselineOrchestration : TaskOrchestrator<int, int>
{
    public const string Name = "BenchmarkBaseline";

    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        for (var i = 0; i < input; i++)
        {
            await context.CallActivityAsync<TaskResult>(OrchestrationNames.RunTask, new TaskRequest
            {
                ExecutionId = context.InstanceId,
                Namespace = "bench",
                FlowId = "baseline",
                TaskRunId = "run" + i,
                TaskId = "t" + i,
                Type = BenchmarkFlows.ReturnType,
                Properties = new Dictionary<string, object?> { ["format"] = "step " + i },
                Now = context.CurrentUtcDateTime,
            });
        }

        return input;
    }
}

using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Serverless.Cli.Tests.Serve;

namespace Serverless.Reliability.Tests.Support;

/// <summary>Polls the API for an execution's state (tests that start executions without <c>wait=true</c>).</summary>
public static class ExecutionPolling
{
    public static readonly string[] Terminal = ["SUCCESS", "WARNING", "FAILED", "KILLED", "CANCELLED"];

    public static async Task WaitForStateAsync(ApiClient client, string id, string state, TimeSpan? within = null)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var answer = await client.GetAsync($"api/v1/executions/{id}");
            if (answer.Status == HttpStatusCode.OK && answer.Json.GetProperty("state").GetProperty("current").GetString() == state)
            {
                return;
            }

            Assert.True(deadline.Elapsed < (within ?? TimeSpan.FromSeconds(60)), $"{id} never reached {state}: {answer}");
            await Task.Delay(100);
        }
    }

    public static async Task<JsonElement> WaitForEndAsync(ApiClient client, string id, TimeSpan? within = null)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var answer = await client.GetAsync($"api/v1/executions/{id}");
            if (answer.Status == HttpStatusCode.OK && Terminal.Contains(answer.Json.GetProperty("state").GetProperty("current").GetString()))
            {
                return answer.Json;
            }

            Assert.True(deadline.Elapsed < (within ?? TimeSpan.FromSeconds(60)), $"{id} never ended: {answer}");
            await Task.Delay(200);
        }
    }

    public static string? TaskState(JsonElement execution, string taskId) =>
        execution.GetProperty("taskRunList").EnumerateArray()
            .Where(t => t.GetProperty("taskId").GetString() == taskId)
            .Select(t => t.GetProperty("state").GetProperty("current").GetString())
            .LastOrDefault();

    /// <summary>Polls until <paramref name="taskId"/>'s last task run is in <paramref name="state"/>; fails if the execution ends first.</summary>
    public static async Task<JsonElement> WaitForTaskStateAsync(ApiClient client, string id, string taskId, string state)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var answer = await client.GetAsync($"api/v1/executions/{id}");
            if (answer.Status == HttpStatusCode.OK)
            {
                var execution = answer.Json;
                if (TaskState(execution, taskId) == state)
                {
                    return execution;
                }

                Assert.False(Terminal.Contains(execution.GetProperty("state").GetProperty("current").GetString()), $"{id} ended before {taskId} was {state}: {answer}");
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), $"{taskId} of {id} never reached {state}: {answer}");
            await Task.Delay(100);
        }
    }
}

using System.Net;
using System.Text.Json;
using Serverless.Serve.Tests;

using Serverless.Tests;

namespace Serverless.Reliability.Tests.Support;

/// <summary>Polls the API for an execution's state (tests that start executions without <c>wait=true</c>).</summary>
public static class ExecutionPolling
{
    public static readonly string[] Terminal = ["SUCCESS", "WARNING", "FAILED", "KILLED", "CANCELLED"];

    public static Task WaitForStateAsync(ApiClient client, string id, string state, TimeSpan? within = null) =>
        Eventually.UntilAsync(
            () => client.GetAsync($"api/v1/executions/{id}"),
            answer => answer.Status == HttpStatusCode.OK && State(answer.Json) == state,
            $"{id} to reach {state}",
            Seconds(within));

    public static async Task<JsonElement> WaitForEndAsync(ApiClient client, string id, TimeSpan? within = null)
    {
        var answer = await Eventually.UntilAsync(
            () => client.GetAsync($"api/v1/executions/{id}"),
            answer => answer.Status == HttpStatusCode.OK && IsTerminal(answer.Json),
            $"{id} to end",
            Seconds(within));
        return answer.Json;
    }

    public static string? TaskState(JsonElement execution, string taskId) =>
        execution.GetProperty("taskRunList").EnumerateArray()
            .Where(t => t.GetProperty("taskId").GetString() == taskId)
            .Select(t => t.GetProperty("state").GetProperty("current").GetString())
            .LastOrDefault();

    /// <summary>Polls until <paramref name="taskId"/>'s last task run is in <paramref name="state"/>; fails if the execution ends first.</summary>
    public static async Task<JsonElement> WaitForTaskStateAsync(ApiClient client, string id, string taskId, string state)
    {
        var answer = await Eventually.UntilAsync(
            () => client.GetAsync($"api/v1/executions/{id}"),
            answer => answer.Status == HttpStatusCode.OK && (TaskState(answer.Json, taskId) == state || IsTerminal(answer.Json)),
            $"{taskId} of {id} to reach {state}",
            seconds: 60);
        Assert.True(TaskState(answer.Json, taskId) == state, $"{id} ended before {taskId} was {state}: {answer}");
        return answer.Json;
    }

    public static bool IsTerminal(JsonElement execution) => Terminal.Contains(State(execution));

    private static string? State(JsonElement execution) => execution.GetProperty("state").GetProperty("current").GetString();

    private static int Seconds(TimeSpan? within) => (int)Math.Ceiling((within ?? TimeSpan.FromSeconds(60)).TotalSeconds);
}

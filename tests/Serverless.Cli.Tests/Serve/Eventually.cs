using System.Text.Json;

namespace Serverless.Cli.Tests.Serve;

/// <summary>Polling with a deadline for things that happen in the background (triggers, schedules): never a fixed sleep.</summary>
public static class Eventually
{
    /// <summary>Re-evaluates <paramref name="condition"/> every 50 ms until it holds; fails with <paramref name="what"/> after <paramref name="seconds"/>.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what, int seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        using var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        var last = await read();
        while (!condition(last))
        {
            try
            {
                await ticks.WaitForNextTickAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Timed out after {seconds} s waiting for {what}; last seen: {last}");
            }

            last = await read();
        }

        return last;
    }

    /// <summary>The executions of a flow as the search route lists them (oldest first).</summary>
    public static async Task<IReadOnlyList<JsonElement>> SearchAsync(this ApiClient api, string ns, string flowId)
    {
        var answer = await api.GetAsync($"api/v1/executions/search?namespace={ns}&flowId={flowId}&size=100&sort=state.startDate:asc");
        Assert.True(answer.Status == System.Net.HttpStatusCode.OK, answer.ToString());
        return [.. answer.Json.GetProperty("results").EnumerateArray()];
    }

    /// <summary>The live state of one execution (<c>GET /executions/{id}</c>).</summary>
    public static async Task<string> StateOfAsync(this ApiClient api, string executionId) =>
        ExecutionRoutesTests.State((await api.GetAsync($"api/v1/executions/{executionId}")).Json).GetString()!;

    public static string Id(this JsonElement execution) => execution.GetProperty("id").GetString()!;

    public static string StateOf(this JsonElement execution) => ExecutionRoutesTests.State(execution).GetString()!;
}

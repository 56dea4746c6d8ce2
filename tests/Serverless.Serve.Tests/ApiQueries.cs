using System.Text.Json;

namespace Serverless.Serve.Tests;

/// <summary>Reads of the API the serve tests poll with <see cref="Serverless.Tests.Eventually"/>.</summary>
public static class ApiQueries
{
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

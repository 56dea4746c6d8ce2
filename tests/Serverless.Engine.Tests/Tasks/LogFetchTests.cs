using Serverless.Engine.Executions;
using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Tasks;

[Collection(TaskEngineCollection.Name)]
public sealed class LogFetchTests(TaskEngineFixture fixture)
{
    [Fact]
    public async Task Fetch_CurrentExecutionAtWarn_WritesMatchingLinesToStorage()
    {
        var execution = await fixture.RunAsync("""
            id: log_fetch
            namespace: company.team
            tasks:
              - id: info
                type: io.kestra.plugin.core.log.Log
                message: just info
              - id: warn
                type: io.kestra.plugin.core.log.Log
                level: WARN
                message: look here
              - id: fetch
                type: io.kestra.plugin.core.log.Fetch
                level: WARN
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        var outputs = execution.Run("fetch").Outputs!;
        Assert.Equal(1L, outputs["size"]);
        var content = await fixture.ReadInternalAsync((string)outputs["uri"]!);
        Assert.Contains("\"message\":\"look here\"", content, StringComparison.Ordinal);
        Assert.DoesNotContain("just info", content, StringComparison.Ordinal);
    }
}

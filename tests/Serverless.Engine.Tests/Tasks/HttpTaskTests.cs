using Serverless.Engine.Executions;
using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Tasks;

[Collection(TaskEngineCollection.Name)]
public sealed class HttpTaskTests(TaskEngineFixture fixture)
{
    private static TestHttpServer Server() => new((request, body) => request.Url!.AbsolutePath switch
    {
        "/json" => (200, """{"rate":1.08}""", "application/json"),
        "/echo" => (201, $"{request.HttpMethod} {request.ContentType} {body}", "text/plain"),
        "/file.csv" => (200, "a,b\n1,2\n", "text/csv"),
        _ => (404, "not here", "text/plain"),
    });

    [Fact]
    public async Task Request_Get_ReturnsCodeHeadersAndBody()
    {
        await using var server = Server();

        var execution = await fixture.RunAsync($$$"""
            id: http_get
            namespace: company.team
            tasks:
              - id: get
                type: io.kestra.plugin.core.http.Request
                uri: {{{server.BaseUri}}}json
              - id: rate
                type: io.kestra.plugin.core.debug.Return
                format: "{{ (outputs.get.body | fromJson).rate }}"
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        var outputs = execution.Run("get").Outputs!;
        Assert.Equal(200L, outputs["code"]);
        Assert.Equal("""{"rate":1.08}""", outputs["body"]);
        Assert.Equal(["yes"], ((IReadOnlyList<object?>)((IReadOnlyDictionary<string, object?>)outputs["headers"]!)["x-test"]!).Cast<string>());
        Assert.Equal("1.08", execution.Run("rate").Outputs!["value"]);
    }

    [Fact]
    public async Task Request_PostWithBodyAndContentType_SendsThem()
    {
        await using var server = Server();

        var execution = await fixture.RunAsync($$"""
            id: http_post
            namespace: company.team
            tasks:
              - id: post
                type: io.kestra.plugin.core.http.Request
                uri: {{server.BaseUri}}echo
                method: POST
                contentType: application/json
                body: '{"amount": 10}'
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Equal(201L, execution.Run("post").Outputs!["code"]);
        Assert.Equal("""POST application/json {"amount": 10}""", execution.Run("post").Outputs!["body"]);
    }

    [Fact]
    public async Task Request_NotFound_FailsUnlessAllowFailed()
    {
        await using var server = Server();

        var execution = await fixture.RunAsync($"""
            id: http_404
            namespace: company.team
            tasks:
              - id: allowed
                type: io.kestra.plugin.core.http.Request
                uri: {server.BaseUri}missing
                options:
                  allowFailed: true
              - id: strict
                type: io.kestra.plugin.core.http.Request
                uri: {server.BaseUri}missing
            """);

        Assert.Equal(State.SUCCESS, execution.Run("allowed").State.Current);
        Assert.Equal(404L, execution.Run("allowed").Outputs!["code"]);
        Assert.Equal(State.FAILED, execution.Run("strict").State.Current);
        Assert.Contains(fixture.LogsOf(execution), l => l.Level == "ERROR" && l.Message == "Failed http request with response code '404'");
    }

    [Fact]
    public async Task Download_File_StoresBodyInInternalStorage()
    {
        await using var server = Server();

        var execution = await fixture.RunAsync($"""
            id: http_download
            namespace: company.team
            tasks:
              - id: dl
                type: io.kestra.plugin.core.http.Download
                uri: {server.BaseUri}file.csv
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        var outputs = execution.Run("dl").Outputs!;
        Assert.Equal(8L, outputs["length"]);
        Assert.EndsWith("/file.csv", (string)outputs["uri"]!, StringComparison.Ordinal);
        Assert.Equal("a,b\n1,2\n", await fixture.ReadInternalAsync((string)outputs["uri"]!));
    }
}

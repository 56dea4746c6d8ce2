using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Serverless.Serve.Tests;

public sealed class ExecutionRoutesTests(ServeFixture serve) : IClassFixture<ServeFixture>
{
    private readonly ApiClient _api = serve.Client;

    private static string Greeter(string ns) => $$$"""
        id: greet
        namespace: {{{ns}}}
        inputs:
          - id: name
            type: STRING
          - id: times
            type: INT
            defaults: 1
        tasks:
          - id: hello
            type: io.kestra.plugin.core.debug.Return
            format: "Hello {{ inputs.name }} x{{ inputs.times }}"
        """;

    [Fact]
    public async Task Start_JsonInputsAndWait_ReturnsFinishedExecution()
    {
        var ns = ServeFixture.NewNamespace();
        await _api.CreateFlowAsync(Greeter(ns));

        var execution = await _api.RunAsync(ns, "greet", """{"name":"Ada","times":3}""", "&labels=team:data&labels=env:test");

        Assert.Equal("SUCCESS", execution.GetProperty("state").GetProperty("current").GetString());
        Assert.Equal(1, execution.GetProperty("flowRevision").GetInt32());
        Assert.Equal(3, execution.GetProperty("inputs").GetProperty("times").GetInt32());
        Assert.Equal("Hello Ada x3", execution.GetProperty("taskRunList")[0].GetProperty("outputs").GetProperty("value").GetString());
        Assert.Contains(execution.GetProperty("labels").EnumerateArray(), l => l.GetProperty("key").GetString() == "team" && l.GetProperty("value").GetString() == "data");
    }

    [Fact]
    public async Task Start_WithoutWait_ReturnsCreatedExecutionThatCanBeRead()
    {
        var ns = ServeFixture.NewNamespace();
        await _api.CreateFlowAsync(Greeter(ns));

        var started = await _api.PostJsonAsync($"api/v1/executions/{ns}/greet", """{"name":"Bob"}""");
        var id = started.Json.GetProperty("id").GetString();
        await serve.Host.Engine.Executions.WaitAsync(id!);
        var read = await _api.GetAsync($"api/v1/executions/{id}");

        Assert.Equal(HttpStatusCode.OK, started.Status);
        Assert.Equal("CREATED", started.Json.GetProperty("state").GetProperty("current").GetString());
        Assert.Equal("SUCCESS", read.Json.GetProperty("state").GetProperty("current").GetString());
        Assert.Equal(ns, read.Json.GetProperty("namespace").GetString());
    }

    [Fact]
    public async Task Start_RevisionIsRecorded_AfterUpdate()
    {
        var ns = ServeFixture.NewNamespace();
        await _api.CreateFlowAsync(Greeter(ns));
        await _api.PutYamlAsync($"api/v1/flows/{ns}/greet", Greeter(ns).Replace("Hello", "Hi", StringComparison.Ordinal));

        var latest = await _api.RunAsync(ns, "greet", """{"name":"C"}""");
        var first = await _api.RunAsync(ns, "greet", """{"name":"C"}""", "&revision=1");

        Assert.Equal(2, latest.GetProperty("flowRevision").GetInt32());
        Assert.Equal("Hi C x1", latest.GetProperty("taskRunList")[0].GetProperty("outputs").GetProperty("value").GetString());
        Assert.Equal(1, first.GetProperty("flowRevision").GetInt32());
    }

    [Fact]
    public async Task Start_MalformedJson_Returns400()
    {
        var ns = ServeFixture.NewNamespace();
        await _api.CreateFlowAsync(Greeter(ns));

        var answer = await _api.PostJsonAsync($"api/v1/executions/{ns}/greet", """{"name": """);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(1, answer.Json.GetProperty("details")[0].GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Start_BadInput_Returns422AndRecordsNothing()
    {
        var ns = ServeFixture.NewNamespace();
        await _api.CreateFlowAsync(Greeter(ns));

        var answer = await _api.PostJsonAsync($"api/v1/executions/{ns}/greet", """{"name":"x","times":"many"}""");
        var search = await _api.GetAsync($"api/v1/executions/search?namespace={ns}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal("inputs.times", answer.Json.GetProperty("details")[0].GetProperty("path").GetString());
        Assert.Equal(0, search.Json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Start_UnknownFlow_Returns404()
    {
        var answer = await _api.PostJsonAsync($"api/v1/executions/{ServeFixture.NewNamespace()}/nothing", "{}");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    [Fact]
    public async Task Start_BadLabelOrDate_Returns400()
    {
        var ns = ServeFixture.NewNamespace();
        await _api.CreateFlowAsync(Greeter(ns));

        var label = await _api.PostJsonAsync($"api/v1/executions/{ns}/greet?labels=nocolon", """{"name":"x"}""");
        var date = await _api.PostJsonAsync($"api/v1/executions/{ns}/greet?scheduleDate=tomorrow", """{"name":"x"}""");

        Assert.Equal(HttpStatusCode.BadRequest, label.Status);
        Assert.Equal(HttpStatusCode.BadRequest, date.Status);
    }

    [Fact]
    public async Task Start_MultipartWithFile_StoresFileAsKestraUriReadableThroughTheApi()
    {
        var ns = ServeFixture.NewNamespace();
        await _api.CreateFlowAsync($$$"""
            id: upload
            namespace: {{{ns}}}
            inputs:
              - id: data
                type: FILE
              - id: note
                type: STRING
            tasks:
              - id: size
                type: io.kestra.plugin.core.debug.Return
                format: "{{ inputs.note }}"
            """);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("hi"), "note" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("a,b\n1,2\n")), "data", "data.csv" },
        };

        var answer = await _api.SendAsync(HttpMethod.Post, $"api/v1/executions/{ns}/upload?wait=true", form);
        var uri = answer.Json.GetProperty("inputs").GetProperty("data").GetString()!;
        var id = answer.Json.GetProperty("id").GetString();
        var file = await _api.GetAsync($"api/v1/executions/{id}/file?path={Uri.EscapeDataString(uri)}");

        Assert.Equal("SUCCESS", answer.Json.GetProperty("state").GetProperty("current").GetString());
        Assert.StartsWith("kestra:///", uri);
        Assert.EndsWith("/inputs/data/data.csv", uri);
        Assert.Equal("a,b\n1,2\n", file.Body);
    }

    [Fact]
    public async Task File_OutsideExecutionNamespace_Returns403()
    {
        var ns = ServeFixture.NewNamespace();
        await _api.CreateFlowAsync(Greeter(ns));
        var execution = await _api.RunAsync(ns, "greet", """{"name":"x"}""");
        var id = execution.GetProperty("id").GetString();

        var other = await _api.GetAsync($"api/v1/executions/{id}/file?path={Uri.EscapeDataString("kestra:///other/flow/executions/e1/x.txt")}");
        var traversal = await _api.GetAsync($"api/v1/executions/{id}/file?path={Uri.EscapeDataString("kestra:///" + ns.Replace('.', '/') + "/../../x")}");

        Assert.Equal(HttpStatusCode.Forbidden, other.Status);
        Assert.Equal(HttpStatusCode.BadRequest, traversal.Status);
    }

    [Fact]
    public async Task Get_UnknownExecution_Returns404()
    {
        var answer = await _api.GetAsync("api/v1/executions/doesNotExist123");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    [Fact]
    public async Task Search_FiltersSortsAndPages()
    {
        var ns = ServeFixture.NewNamespace();
        await _api.CreateFlowAsync(Greeter(ns));
        await _api.CreateFlowAsync($"""
            id: failing
            namespace: {ns}.sub
            tasks:
              - id: boom
                type: io.kestra.plugin.core.execution.Fail
            """);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        for (var i = 0; i < 3; i++)
        {
            await _api.RunAsync(ns, "greet", $$"""{"name":"n{{i}}"}""", i == 0 ? "&labels=pick:me" : "");
        }

        await _api.RunAsync(ns + ".sub", "failing");

        var all = await _api.GetAsync($"api/v1/executions/search?namespace={ns}&size=2&sort=state.startDate:asc");
        var page2 = await _api.GetAsync($"api/v1/executions/search?namespace={ns}&size=2&page=2&sort=state.startDate:asc");
        var failed = await _api.GetAsync($"api/v1/executions/search?namespace={ns}&state=FAILED");
        var byFlow = await _api.GetAsync($"api/v1/executions/search?namespace={ns}&flowId=greet&state=SUCCESS&state=WARNING");
        var labelled = await _api.GetAsync($"api/v1/executions/search?namespace={ns}&labels=pick:me&startDate={Uri.EscapeDataString(before.ToString("O"))}");
        var future = await _api.GetAsync($"api/v1/executions/search?namespace={ns}&startDate=2999-01-01T00:00:00Z");

        Assert.Equal(4, all.Json.GetProperty("total").GetInt32());
        Assert.Equal(2, all.Json.GetProperty("results").GetArrayLength());
        Assert.Equal("failing", page2.Json.GetProperty("results")[1].GetProperty("flowId").GetString());
        Assert.Equal(1, failed.Json.GetProperty("total").GetInt32());
        Assert.Equal(3, byFlow.Json.GetProperty("total").GetInt32());
        Assert.Equal(1, labelled.Json.GetProperty("total").GetInt32());
        Assert.Equal(0, future.Json.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("state=NOPE")]
    [InlineData("sort=bogus:asc")]
    [InlineData("size=0")]
    [InlineData("startDate=yesterday")]
    public async Task Search_BadParameter_Returns400(string query)
    {
        var answer = await _api.GetAsync("api/v1/executions/search?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
    }

    [Fact]
    public async Task OpenApi_ListsEveryRoute()
    {
        var answer = await _api.GetAsync("api/v1/openapi.json");

        Assert.Equal("3.0.3", answer.Json.GetProperty("openapi").GetString());
        Assert.True(answer.Json.GetProperty("paths").TryGetProperty("/api/v1/executions/{executionId}/resume", out var resume));
        Assert.True(resume.TryGetProperty("post", out _));
    }

    internal static JsonElement State(JsonElement execution) => execution.GetProperty("state").GetProperty("current");
}

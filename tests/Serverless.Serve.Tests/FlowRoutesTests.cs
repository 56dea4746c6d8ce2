using System.Net;
using System.Text;

namespace Serverless.Serve.Tests;

public sealed class FlowRoutesTests(ServeFixture serve) : IClassFixture<ServeFixture>
{
    private readonly ApiClient _api = serve.Client;

    private static string Flow(string ns, string id, string message = "hello") => $"""
        id: {id}
        namespace: {ns}
        tasks:
          - id: say
            type: io.kestra.plugin.core.log.Log
            message: {message}
        """;

    [Fact]
    public async Task Create_ValidYaml_ReturnsFlowWithRevisionOne()
    {
        var ns = ServeFixture.NewNamespace();

        var answer = await _api.PostYamlAsync("api/v1/flows", Flow(ns, "hello"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("hello", answer.Json.GetProperty("id").GetString());
        Assert.Equal(ns, answer.Json.GetProperty("namespace").GetString());
        Assert.Equal(1, answer.Json.GetProperty("revision").GetInt32());
        Assert.Equal("say", answer.Json.GetProperty("tasks")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Create_ExistingFlow_Returns409()
    {
        var ns = ServeFixture.NewNamespace();
        await _api.CreateFlowAsync(Flow(ns, "twice"));

        var answer = await _api.PostYamlAsync("api/v1/flows", Flow(ns, "twice", "again"));

        Assert.Equal(HttpStatusCode.Conflict, answer.Status);
    }

    [Fact]
    public async Task Create_InvalidFlow_Returns422WithLineAndColumn()
    {
        var yaml = """
            id: broken
            namespace: test.broken
            tasks:
              - id: t
                type: io.kestra.plugin.core.log.Nope
            """;

        var answer = await _api.PostYamlAsync("api/v1/flows", yaml);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        var detail = answer.Json.GetProperty("details")[0];
        Assert.Equal(5, detail.GetProperty("line").GetInt32());
        Assert.True(detail.GetProperty("column").GetInt32() > 0);
        Assert.Contains("tasks[0]", detail.GetProperty("path").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync("api/v1/flows/test.broken/broken")).Status);
    }

    [Fact]
    public async Task Create_WrongContentType_Returns415()
    {
        var answer = await _api.PostJsonAsync("api/v1/flows", "{\"id\":\"x\"}");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.Status);
    }

    [Fact]
    public async Task Create_OversizedBody_Returns413()
    {
        var yaml = Flow(ServeFixture.NewNamespace(), "big") + "\n# " + new string('x', 100 * 1024) + "\n";

        var answer = await _api.PostYamlAsync("api/v1/flows", yaml);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
    }

    [Fact]
    public async Task Update_ChangedSource_CreatesNewRevisionAndKeepsHistory()
    {
        var ns = ServeFixture.NewNamespace();
        await _api.CreateFlowAsync(Flow(ns, "evolving"));

        var updated = await _api.PutYamlAsync($"api/v1/flows/{ns}/evolving", Flow(ns, "evolving", "second"));
        var revisions = await _api.GetAsync($"api/v1/flows/{ns}/evolving/revisions");
        var first = await _api.GetAsync($"api/v1/flows/{ns}/evolving?revision=1");

        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal(2, updated.Json.GetProperty("revision").GetInt32());
        Assert.Equal([1, 2], revisions.Json.EnumerateArray().Select(r => r.GetProperty("revision").GetInt32()));
        Assert.Contains("second", revisions.Json[1].GetProperty("source").GetString());
        Assert.Equal("hello", first.Json.GetProperty("tasks")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Update_IdDiffersFromUrl_Returns422()
    {
        var ns = ServeFixture.NewNamespace();
        await _api.CreateFlowAsync(Flow(ns, "a"));

        var answer = await _api.PutYamlAsync($"api/v1/flows/{ns}/a", Flow(ns, "b"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
    }

    [Fact]
    public async Task Update_UnknownFlow_Returns404()
    {
        var ns = ServeFixture.NewNamespace();

        var answer = await _api.PutYamlAsync($"api/v1/flows/{ns}/ghost", Flow(ns, "ghost"));

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    [Fact]
    public async Task Get_SourceTrue_ReturnsYaml()
    {
        var ns = ServeFixture.NewNamespace();
        await _api.CreateFlowAsync(Flow(ns, "yaml"));

        var bySource = await _api.GetAsync($"api/v1/flows/{ns}/yaml?source=true");
        var byAccept = await _api.SendAsync(HttpMethod.Get, $"api/v1/flows/{ns}/yaml", null, r => r.Headers.Add("Accept", "application/x-yaml"));

        Assert.Equal("application/x-yaml", bySource.MediaType);
        Assert.Equal(Flow(ns, "yaml"), bySource.Body);
        Assert.Equal(bySource.Body, byAccept.Body);
    }

    [Fact]
    public async Task ListAndSearch_FlowsOfNamespace_AreReturnedAndPaged()
    {
        var ns = ServeFixture.NewNamespace();
        foreach (var id in new[] { "alpha", "beta", "gamma" })
        {
            await _api.CreateFlowAsync(Flow(ns, id));
        }

        await _api.CreateFlowAsync(Flow(ns + ".child", "delta"));

        var list = await _api.GetAsync($"api/v1/flows/{ns}");
        var search = await _api.GetAsync($"api/v1/flows/search?namespace={ns}&size=2&page=2");
        var text = await _api.GetAsync($"api/v1/flows/search?namespace={ns}&q=ELTA");

        Assert.Equal(["alpha", "beta", "gamma"], list.Json.EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        Assert.Equal(4, search.Json.GetProperty("total").GetInt32());
        Assert.Equal(2, search.Json.GetProperty("results").GetArrayLength());
        Assert.Equal(["delta"], text.Json.GetProperty("results").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Delete_ExistingFlow_Returns204AndThen404()
    {
        var ns = ServeFixture.NewNamespace();
        await _api.CreateFlowAsync(Flow(ns, "doomed"));

        var deleted = await _api.DeleteAsync($"api/v1/flows/{ns}/doomed");
        var again = await _api.DeleteAsync($"api/v1/flows/{ns}/doomed");
        var get = await _api.GetAsync($"api/v1/flows/{ns}/doomed");

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.Equal(HttpStatusCode.NotFound, get.Status);
        Assert.Equal("Flow '" + ns + ".doomed' was not found.", get.Message);
    }

    [Fact]
    public async Task Get_InvalidNamespace_Returns400()
    {
        var answer = await _api.GetAsync("api/v1/flows/Bad%20NS/x");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
    }

    [Fact]
    public async Task Validate_TwoDocuments_ReportsEachWithPositions()
    {
        var yaml = Flow("test.v", "good") + "\n---\n" + """
            id: bad
            namespace: test.v
            tasks:
              - id: t
                type: io.kestra.plugin.core.log.Log
                unknownProperty: 1
            """;

        var answer = await _api.PostYamlAsync("api/v1/flows/validate", yaml);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var results = answer.Json.EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        Assert.Equal("good", results[0].GetProperty("flow").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, results[0].GetProperty("constraints").ValueKind);
        Assert.Equal(1, results[1].GetProperty("index").GetInt32());
        Assert.Equal("bad", results[1].GetProperty("flow").GetString());
        Assert.Contains("unknownProperty", results[1].GetProperty("constraints").GetString());
        Assert.Equal(11, results[1].GetProperty("errors")[0].GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Create_InvalidUtf8_Returns400()
    {
        var content = new ByteArrayContent([0x69, 0x64, 0x3a, 0x20, 0xff, 0xfe]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-yaml");

        var answer = await _api.SendAsync(HttpMethod.Post, "api/v1/flows", content);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("UTF-8", Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(answer.Message)));
    }
}

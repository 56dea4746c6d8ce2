using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Serverless.Serve.Tests;

public sealed class NamespaceRoutesTests(ServeFixture serve) : IClassFixture<ServeFixture>
{
    private readonly ApiClient _api = serve.Client;

    [Fact]
    public async Task Files_UploadListGetMoveDelete_RoundTrip()
    {
        var ns = ServeFixture.NewNamespace();
        var raw = new ByteArrayContent(Encoding.UTF8.GetBytes("print('hi')"));
        raw.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var form = new MultipartFormDataContent { { new StringContent("# readme"), "fileContent", "README.md" } };

        var upload = await _api.SendAsync(HttpMethod.Post, $"api/v1/namespaces/{ns}/files?path=scripts/main.py", raw);
        var multipart = await _api.SendAsync(HttpMethod.Post, $"api/v1/namespaces/{ns}/files?path=/README.md", form);
        var root = await _api.GetAsync($"api/v1/namespaces/{ns}/files/directory");
        var scripts = await _api.GetAsync($"api/v1/namespaces/{ns}/files/directory?path=scripts");
        var content = await _api.GetAsync($"api/v1/namespaces/{ns}/files?path=scripts/main.py");
        var move = await _api.SendAsync(HttpMethod.Put, $"api/v1/namespaces/{ns}/files?from=scripts/main.py&to=scripts/app.py", null);
        var moved = await _api.GetAsync($"api/v1/namespaces/{ns}/files?path=scripts/app.py");
        var old = await _api.GetAsync($"api/v1/namespaces/{ns}/files?path=scripts/main.py");
        var delete = await _api.DeleteAsync($"api/v1/namespaces/{ns}/files?path=scripts/app.py");
        var gone = await _api.GetAsync($"api/v1/namespaces/{ns}/files?path=scripts/app.py");

        Assert.Equal(HttpStatusCode.NoContent, upload.Status);
        Assert.Equal(HttpStatusCode.NoContent, multipart.Status);
        Assert.Equal(["README.md:File", "scripts:Directory"], root.Json.EnumerateArray().Select(e => e.GetProperty("fileName").GetString() + ":" + e.GetProperty("type").GetString()));
        Assert.Equal("main.py", scripts.Json[0].GetProperty("fileName").GetString());
        Assert.Equal("print('hi')", content.Body);
        Assert.Equal(HttpStatusCode.NoContent, move.Status);
        Assert.Equal("print('hi')", moved.Body);
        Assert.Equal(HttpStatusCode.NotFound, old.Status);
        Assert.Equal(HttpStatusCode.NoContent, delete.Status);
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("a/../../b")]
    [InlineData("a%2F..%2Fb")]
    [InlineData("C:/windows")]
    public async Task Files_TraversalPath_Returns400(string path)
    {
        var ns = ServeFixture.NewNamespace();

        var upload = await _api.SendAsync(HttpMethod.Post, $"api/v1/namespaces/{ns}/files?path={Uri.EscapeDataString(path)}", new StringContent("x"));
        var get = await _api.GetAsync($"api/v1/namespaces/{ns}/files?path={Uri.EscapeDataString(path)}");

        Assert.Equal(HttpStatusCode.BadRequest, upload.Status);
        Assert.Equal(HttpStatusCode.BadRequest, get.Status);
    }

    [Fact]
    public async Task Files_OversizedUpload_Returns413AndWritesNothing()
    {
        var ns = ServeFixture.NewNamespace();
        var big = new ByteArrayContent(new byte[(1024 * 1024) + 10]);

        var answer = await _api.SendAsync(HttpMethod.Post, $"api/v1/namespaces/{ns}/files?path=big.bin", big);
        var get = await _api.GetAsync($"api/v1/namespaces/{ns}/files?path=big.bin");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Equal(HttpStatusCode.NotFound, get.Status);
    }

    [Fact]
    public async Task Kv_PutGetListDelete_RoundTrip()
    {
        var ns = ServeFixture.NewNamespace();
        var text = new StringContent("plain words", Encoding.UTF8, "text/plain");

        var putJson = await _api.SendAsync(HttpMethod.Put, $"api/v1/namespaces/{ns}/kv/config", new StringContent("""{"retries":3}""", Encoding.UTF8, "application/json"));
        var putText = await _api.SendAsync(HttpMethod.Put, $"api/v1/namespaces/{ns}/kv/note", text, r => r.Headers.Add("ttl", "PT1H"));
        var config = await _api.GetAsync($"api/v1/namespaces/{ns}/kv/config");
        var note = await _api.GetAsync($"api/v1/namespaces/{ns}/kv/note");
        var keys = await _api.GetAsync($"api/v1/namespaces/{ns}/kv");
        var delete = await _api.DeleteAsync($"api/v1/namespaces/{ns}/kv/config");
        var missing = await _api.GetAsync($"api/v1/namespaces/{ns}/kv/config");

        Assert.Equal(HttpStatusCode.NoContent, putJson.Status);
        Assert.Equal(HttpStatusCode.NoContent, putText.Status);
        Assert.Equal("JSON", config.Json.GetProperty("type").GetString());
        Assert.Equal(3, config.Json.GetProperty("value").GetProperty("retries").GetInt32());
        Assert.Equal("plain words", note.Json.GetProperty("value").GetString());
        Assert.Equal(["config", "note"], keys.Json.EnumerateArray().Select(k => k.GetProperty("key").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, delete.Status);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
    }

    [Fact]
    public async Task Kv_BadTtlOrMalformedJson_Returns400()
    {
        var ns = ServeFixture.NewNamespace();

        var ttl = await _api.SendAsync(HttpMethod.Put, $"api/v1/namespaces/{ns}/kv/k", new StringContent("1", Encoding.UTF8, "application/json"), r => r.Headers.Add("ttl", "soon"));
        var json = await _api.SendAsync(HttpMethod.Put, $"api/v1/namespaces/{ns}/kv/k", new StringContent("{nope", Encoding.UTF8, "application/json"));
        var key = await _api.SendAsync(HttpMethod.Put, $"api/v1/namespaces/{ns}/kv/bad%20key", new StringContent("1", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, ttl.Status);
        Assert.Equal(HttpStatusCode.BadRequest, json.Status);
        Assert.Equal(HttpStatusCode.BadRequest, key.Status);
    }
}

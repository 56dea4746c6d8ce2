using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Serverless.Serve.Tests;
using Serverless.Api;
using Serverless.Reliability.Tests.Security;

namespace Serverless.Reliability.Tests.Api;

/// <summary>
/// Abuse of every route: malformed bodies, wrong content types, oversized bodies and unknown ids answer 4xx
/// with a JSON error — never 5xx — and a rejected request writes nothing.
/// </summary>
public sealed class BadInputTests(MemoryServeFixture serve) : IClassFixture<MemoryServeFixture>
{
    private ApiClient Client => serve.Client;

    public static TheoryData<string, string> Routes() => RouteAuthTests.Routes();

    private static IEnumerable<(string Name, Func<HttpContent?> Body)> Bodies() =>
    [
        ("none", () => null),
        ("malformed json", () => Content("{\"a\": [1, 2", "application/json")),
        ("json array", () => Content("[1, 2]", "application/json")),
        ("json nested 10k", () => Content(new string('[', 10_000) + new string(']', 10_000), "application/json")),
        ("invalid utf-8 yaml", () => Bytes([0x69, 0x64, 0x3A, 0x20, 0xFF, 0xFE, 0xC3, 0x28], "application/x-yaml")),
        ("invalid utf-8 json", () => Bytes([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D], "application/json")),
        ("multipart without boundary", () => Content("--x\r\n\r\n", "multipart/form-data")),
        ("multipart garbage", () => Content("not multipart at all", "multipart/form-data; boundary=zzz")),
        ("multipart unterminated", () => Content("--zzz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue", "multipart/form-data; boundary=zzz")),
        ("octet stream", () => Bytes([0, 1, 2, 3, 0xFF], "application/octet-stream")),
        ("weird content type", () => Content("x", "application/x-www-form-urlencoded; charset=klingon")),
        ("xml", () => Content("<flow/>", "application/xml")),
    ];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_MalformedBodies_NeverAnswer5xx(string routeName, string method)
    {
        var path = RouteAuthTests.SamplePath(ApiRoutes.Get(routeName));
        foreach (var (name, body) in Bodies())
        {
            var answer = await Client.SendAsync(new HttpMethod(method), path, body());

            // Backfill answers 501 on a host without a scheduler (this fixture loads no modules): a refusal, not a fault.
            var refused = routeName == ApiRoutes.TriggersBackfill && answer.Status == HttpStatusCode.NotImplemented;
            Assert.True((int)answer.Status < 500 || refused, $"{method} {path} with {name}: {answer}");
            if ((int)answer.Status >= 400)
            {
                Assert.True(answer.MediaType == "application/json", $"{method} {path} with {name}: {answer}");
                Assert.False(string.IsNullOrWhiteSpace(answer.Message), answer.ToString());
            }
        }
    }

    [Theory]
    [InlineData("GET", "api/v1/executions/5aMdE0TjzRwEJ6wq3ebo8L")]
    [InlineData("DELETE", "api/v1/executions/5aMdE0TjzRwEJ6wq3ebo8L/kill")]
    [InlineData("POST", "api/v1/executions/5aMdE0TjzRwEJ6wq3ebo8L/resume")]
    [InlineData("POST", "api/v1/executions/5aMdE0TjzRwEJ6wq3ebo8L/restart")]
    [InlineData("GET", "api/v1/executions/5aMdE0TjzRwEJ6wq3ebo8L/follow")]
    [InlineData("GET", "api/v1/flows/no.such/flow")]
    [InlineData("GET", "api/v1/flows/no.such/flow/revisions")]
    [InlineData("POST", "api/v1/executions/no.such/flow")]
    [InlineData("GET", "api/v1/namespaces/no.such/kv/key")]
    [InlineData("GET", "api/v1/namespaces/no.such/files?path=nothing.txt")]
    public async Task UnknownIds_Answer404Json(string method, string path)
    {
        var answer = await Client.SendAsync(new HttpMethod(method), path, method == "GET" ? null : Content("{}", "application/json"));

        Assert.True(answer.Status == HttpStatusCode.NotFound, answer.ToString());
        Assert.Equal("application/json", answer.MediaType);
    }

    [Fact]
    public async Task CreateFlow_OversizedBody_Answers413AndWritesNothing()
    {
        var yaml = "id: big\nnamespace: bad.size\ndescription: " + new string('x', MemoryServeFixture.MaxFlowBytes + 10) + "\ntasks:\n  - id: r\n    type: io.kestra.plugin.core.debug.Return\n    format: x\n";

        var answer = await Client.PostYamlAsync("api/v1/flows", yaml);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("api/v1/flows/bad.size/big")).Status);
    }

    [Fact]
    public async Task CreateFlow_Invalid_Answers422WithPositionsAndWritesNothing()
    {
        var answer = await Client.PostYamlAsync("api/v1/flows", "id: broken\nnamespace: bad.invalid\ntasks:\n  - id: r\n    type: no.such.Type\n");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.All(answer.Json.GetProperty("details").EnumerateArray(), d => Assert.True(d.GetProperty("line").GetInt32() >= 1));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("api/v1/flows/bad.invalid/broken")).Status);
    }

    [Fact]
    public async Task CreateFlow_JsonContentType_Answers415()
    {
        var answer = await Client.SendAsync(HttpMethod.Post, "api/v1/flows", Content("{\"id\":\"x\"}", "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.Status);
    }

    [Fact]
    public async Task StartExecution_MalformedOrOversizedJson_Answers4xxAndStartsNothing()
    {
        await Client.CreateFlowAsync("id: target\nnamespace: bad.start\ntasks:\n  - id: r\n    type: io.kestra.plugin.core.debug.Return\n    format: x\n");

        var malformed = await Client.PostJsonAsync("api/v1/executions/bad.start/target", "{\"a\": ");
        var oversized = await Client.PostJsonAsync("api/v1/executions/bad.start/target", "{\"a\": \"" + new string('x', MemoryServeFixture.MaxJsonBytes + 10) + "\"}");
        var notObject = await Client.PostJsonAsync("api/v1/executions/bad.start/target", "[1]");
        var search = await Client.GetAsync("api/v1/executions/search?namespace=bad.start");

        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.Status);
        Assert.True((int)notObject.Status is >= 400 and < 500, notObject.ToString());
        Assert.Equal(0, search.Json.GetProperty("total").GetInt32());
    }

    private static StringContent Content(string text, string contentType)
    {
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static ByteArrayContent Bytes(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }
}

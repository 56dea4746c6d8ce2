using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Serverless.Serve.Tests;

/// <summary>A thin HttpClient for the API: sends the key, and reads JSON answers as <see cref="JsonElement"/>.</summary>
public sealed class ApiClient : IDisposable
{
    public ApiClient(Uri address, string? key)
    {
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null)
        {
            Http.DefaultRequestHeaders.Add("x-functions-key", key);
        }
    }

    public HttpClient Http { get; }

    public Task<Answer> PostYamlAsync(string path, string yaml) => SendAsync(HttpMethod.Post, path, Yaml(yaml));

    public Task<Answer> PutYamlAsync(string path, string yaml) => SendAsync(HttpMethod.Put, path, Yaml(yaml));

    public Task<Answer> PostJsonAsync(string path, string json) => SendAsync(HttpMethod.Post, path, new StringContent(json, Encoding.UTF8, "application/json"));

    public Task<Answer> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<Answer> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public async Task<Answer> SendAsync(HttpMethod method, string path, HttpContent? content, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        configure?.Invoke(request);
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }

    /// <summary>Starts a flow and waits for it (<c>wait=true</c>), asserting the call succeeded.</summary>
    public async Task<JsonElement> RunAsync(string ns, string flowId, string json = "{}", string query = "")
    {
        var answer = await PostJsonAsync($"api/v1/executions/{ns}/{flowId}?wait=true{query}", json);
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        return answer.Json;
    }

    /// <summary>Creates a flow, asserting the call succeeded.</summary>
    public async Task CreateFlowAsync(string yaml)
    {
        var answer = await PostYamlAsync("api/v1/flows", yaml);
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
    }

    public void Dispose() => Http.Dispose();

    private static StringContent Yaml(string yaml)
    {
        var content = new StringContent(yaml, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-yaml");
        return content;
    }
}

/// <summary>An HTTP answer: status, media type and body.</summary>
public sealed record Answer(HttpStatusCode Status, string? MediaType, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public string Message => Json.GetProperty("message").GetString()!;

    public override string ToString() => $"{(int)Status} {Status}: {Body}";
}

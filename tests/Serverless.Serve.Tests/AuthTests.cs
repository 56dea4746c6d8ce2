using System.Net;

namespace Serverless.Serve.Tests;

public sealed class AuthTests(ServeFixture serve) : IClassFixture<ServeFixture>
{
    [Fact]
    public async Task AnyRoute_WithoutKey_Returns401()
    {
        using var anonymous = new ApiClient(serve.Host.Address, key: null);

        var answer = await anonymous.GetAsync("api/v1/flows/search");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Contains("x-functions-key", answer.Message);
    }

    [Fact]
    public async Task AnyRoute_WrongKey_Returns401()
    {
        using var wrong = new ApiClient(serve.Host.Address, key: "not-the-key");

        var answer = await wrong.GetAsync("api/v1/executions/search");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
    }

    [Fact]
    public async Task AnyRoute_KeyInCodeQuery_IsAccepted()
    {
        using var anonymous = new ApiClient(serve.Host.Address, key: null);

        var answer = await anonymous.GetAsync($"api/v1/flows/search?code={ServeFixture.Key}");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Fact]
    public async Task UnknownRoute_Returns404Json()
    {
        var answer = await serve.Client.GetAsync("api/v1/nothing/here");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Contains("openapi.json", answer.Message);
    }

    [Fact]
    public async Task Start_NoKeyOnPublicInterface_Refuses()
    {
        var options = new Serverless.Serve.ServeOptions { Port = 0, Host = "0.0.0.0", LocalRoot = serve.Root, Modules = [] };

        await Assert.ThrowsAsync<InvalidOperationException>(() => Serverless.Serve.ServeHost.StartAsync(options));
    }
}

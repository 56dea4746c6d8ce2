using System.Net;
using System.Security.Cryptography;
using Serverless.Serve.Tests;
using Serverless.Api;

namespace Serverless.Reliability.Tests.Security;

/// <summary>Every route of <see cref="ApiRoutes.All"/> but the webhook refuses a missing or wrong key, for every method it serves.</summary>
public sealed class RouteAuthTests(MemoryServeFixture serve) : IClassFixture<MemoryServeFixture>
{
    public static TheoryData<string, string> Routes()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in ApiRoutes.All.Where(r => !r.Anonymous))
        {
            foreach (var method in route.Methods)
            {
                data.Add(route.Name, method);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_WithoutOrWithWrongKey_Returns401Json(string routeName, string method)
    {
        var path = SamplePath(ApiRoutes.Get(routeName));
        using var anonymous = new ApiClient(serve.Address, key: null);
        using var wrong = new ApiClient(serve.Address, key: MemoryServeFixture.Key + "x");
        using var prefix = new ApiClient(serve.Address, key: MemoryServeFixture.Key[..^1]);

        foreach (var client in new[] { anonymous, wrong, prefix })
        {
            var answer = await client.SendAsync(new HttpMethod(method), path, new StringContent("{}"));

            Assert.True(answer.Status == HttpStatusCode.Unauthorized, $"{method} {path}: {answer}");
            Assert.Equal("application/json", answer.MediaType);
        }
    }

    [Fact]
    public async Task Webhook_WithoutKey_IsAnonymousButAnswers404ForUnknownFlow()
    {
        using var anonymous = new ApiClient(serve.Address, key: null);

        var answer = await anonymous.PostJsonAsync("api/v1/executions/webhook/no.such/flow/" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)), "{}");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    /// <summary>The route's template with plausible values, so the request reaches the key check and not a 404.</summary>
    public static string SamplePath(ApiRoute route) => route.Template
        .Replace("{namespace}", "sec.auth", StringComparison.Ordinal)
        .Replace("{id}", "flow", StringComparison.Ordinal)
        .Replace("{flowId}", "flow", StringComparison.Ordinal)
        .Replace("{executionId}", "5aMdE0TjzRwEJ6wq3ebo8L", StringComparison.Ordinal)
        .Replace("{key}", "key", StringComparison.Ordinal)
        .Replace("{triggerId}", "trigger", StringComparison.Ordinal);
}

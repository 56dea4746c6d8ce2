using System.Text;
using Microsoft.AspNetCore.Http;
using Serverless.Api;

namespace Serverless.Api.AspNetCore.Tests;

public sealed class AspNetApiAdapterTests
{
    [Fact]
    public void ToApiRequest_WithApiRoute_TakesParametersFromThePathNotTheHostsRouteValues()
    {
        // The Functions host names route values after its trigger's template; the API's own route decides.
        var context = Request("GET", "/api/v1/flows/company.team/hello", "?source=true&revision=3");
        context.Request.RouteValues["namespace"] = "wrong";

        var request = AspNetApiAdapter.ToApiRequest(context, formLimit: 1024, ApiRoutes.Get(ApiRoutes.FlowsGet));

        Assert.Equal("company.team", request.Route["namespace"]);
        Assert.Equal("hello", request.Route["id"]);
        Assert.Equal(["3"], request.Query["revision"]);
        Assert.Equal(["true"], request.Query["SOURCE"]);
    }

    [Fact]
    public void ToApiRequest_WithoutApiRoute_UsesTheHostsRouteValuesAndHeaders()
    {
        var context = Request("PUT", "/api/v1/flows/a/b", "");
        context.Request.RouteValues["namespace"] = "a";
        context.Request.Headers["X-Custom"] = "one";
        context.Request.ContentType = "application/x-yaml";

        var request = AspNetApiAdapter.ToApiRequest(context, formLimit: 1024);

        Assert.Equal("PUT", request.Method);
        Assert.Equal("a", request.Route["namespace"]);
        Assert.Equal(["one"], request.Headers["x-custom"]);
        Assert.Equal("application/x-yaml", request.ContentType);
        Assert.Null(request.ReadForm);
    }

    [Fact]
    public async Task WriteAsync_ErrorResponse_WritesStatusHeadersAndJsonBody()
    {
        var context = Request("GET", "/x", "");
        using var body = new MemoryStream();
        context.Response.Body = body;

        await AspNetApiAdapter.WriteAsync(context, ApiResponse.Error(404, "No flow 'a.b'.") with { Headers = new Dictionary<string, string> { ["Retry-After"] = "5" } }, CancellationToken.None);

        Assert.Equal(404, context.Response.StatusCode);
        Assert.Equal("5", context.Response.Headers["Retry-After"]);
        Assert.StartsWith("application/json", context.Response.ContentType, StringComparison.Ordinal);
        Assert.Contains("No flow 'a.b'.", Encoding.UTF8.GetString(body.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_ClientGoneMidStream_EndsQuietly()
    {
        var context = Request("GET", "/follow", "");
        using var aborted = new CancellationTokenSource();
        var response = ApiResponse.Text("ignored") with
        {
            Body = async (stream, ct) =>
            {
                await aborted.CancelAsync();
                ct.ThrowIfCancellationRequested();
            },
        };

        await AspNetApiAdapter.WriteAsync(context, response, aborted.Token);

        Assert.Equal(200, context.Response.StatusCode);
    }

    private static DefaultHttpContext Request(string method, string path, string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
        return context;
    }
}

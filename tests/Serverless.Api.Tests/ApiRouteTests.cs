using Serverless.Api;
using Serverless.Engine.Records;

namespace Serverless.Api.Tests;

public sealed class ApiRouteTests
{
    [Fact]
    public void Match_TemplateWithParameters_ReturnsDecodedValues()
    {
        var values = ApiRoutes.Get(ApiRoutes.KvGet).Match("/api/v1/namespaces/company.team/kv/my%2Dkey");

        Assert.NotNull(values);
        Assert.Equal("company.team", values["namespace"]);
        Assert.Equal("my-key", values["key"]);
    }

    [Theory]
    [InlineData("/api/v1/namespaces/x/kv")]
    [InlineData("/api/v1/namespaces/x/files/k")]
    [InlineData("/api/v2/namespaces/x/kv/k")]
    public void Match_OtherPath_ReturnsNull(string path) =>
        Assert.Null(ApiRoutes.Get(ApiRoutes.KvGet).Match(path));

    [Fact]
    public void All_NamesAndMethodTemplatePairs_AreUnique()
    {
        Assert.Equal(ApiRoutes.All.Count, ApiRoutes.All.Select(r => r.Name).Distinct().Count());
        var pairs = ApiRoutes.All.SelectMany(r => r.Methods.Select(m => m + " " + r.Template)).ToList();
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
    }

    [Fact]
    public void OpenApi_HasAnOperationPerRouteMethod()
    {
        var paths = (IReadOnlyDictionary<string, object?>)OpenApiDocument.Build()["paths"]!;

        foreach (var route in ApiRoutes.All)
        {
            var item = (IReadOnlyDictionary<string, object?>)paths["/" + route.Template]!;
            Assert.All(route.Methods, m => Assert.True(item.ContainsKey(m.ToLowerInvariant()), route.Name + " " + m));
        }
    }

    [Theory]
    [InlineData("state.startDate:desc", "state.startDate", true)]
    [InlineData("flowid", "flowId", false)]
    [InlineData("ID:ASC", "id", false)]
    public void Sort_Parse_AcceptsKnownFields(string text, string field, bool descending)
    {
        var sort = ExecutionSort.Parse(text);

        Assert.Equal(new ExecutionSort(field, descending), sort);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("id:sideways")]
    public void Sort_Parse_RejectsUnknown(string text) => Assert.Null(ExecutionSort.Parse(text));
}

using Serverless.Engine.Executions;
using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Tasks;

/// <summary>The seed example, end to end: namespace file uploaded, flow run against a local stand-in for the API.</summary>
[Collection(TaskEngineCollection.Name)]
public sealed class PythonExampleTests(TaskEngineFixture fixture)
{
    [Fact]
    public async Task PythonHttpExample_WithLocalApi_ReturnsRatesAsOutputs()
    {
        foreach (var file in Directory.EnumerateFiles(RepositoryRoot.Combine("examples", "company.team")))
        {
            await fixture.WriteNamespaceFileAsync("company.team", Path.GetFileName(file), await File.ReadAllTextAsync(file));
        }

        await using var api = new TestHttpServer((_, _) => (200, """{"result":"success","base_code":"USD","rates":{"USD":1,"EUR":0.92}}""", "application/json"));
        var yaml = await File.ReadAllTextAsync(RepositoryRoot.Combine("examples", "python-http.yaml"));

        var execution = await fixture.RunAsync(yaml, new Dictionary<string, object?> { ["api_url"] = api.BaseUri + "v6/latest/USD" });

        Assert.Equal(State.SUCCESS, execution.State.Current);
        var vars = (IReadOnlyDictionary<string, object?>)execution.Run("python").Outputs!["vars"]!;
        Assert.Equal("USD", vars["base"]);
        Assert.Equal(0.92, vars["eur"]);
        Assert.Equal(2L, vars["currencies"]);
        Assert.Contains(fixture.LogsOf(execution), l => l.TaskId == "report" && l.Message == "1 USD = 0.92 EUR (2 currencies)");
        Assert.Contains("GET /v6/latest/USD ", api.Requests);
    }
}

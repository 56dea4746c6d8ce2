using System.Net;
using System.Text;
using Serverless.Serve;
using Serverless.Api;
using Serverless.Engine.Azure.Tests.Azurite;

namespace Serverless.Serve.Tests;

/// <summary><c>flows serve</c> on Azurite: flows and files in blobs, execution records and logs in tables.</summary>
public sealed class AzuriteServeFixture(AzuriteFixture azurite) : ServeFixture
{
    protected override ServeOptions Options() => new()
    {
        Port = 0,
        Storage = azurite.ConnectionString,
        ContainerPrefix = AzuriteFixture.NewContainerPrefix(),
        ApiKey = Key,
        Modules = [],
        Api = new ApiOptions { FollowInterval = TimeSpan.FromMilliseconds(50) },
    };
}

[CollectionDefinition(Name)]
public sealed class AzuriteServeCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}

[Collection(AzuriteServeCollection.Name)]
public sealed class AzuriteServeTests : IAsyncLifetime
{
    private readonly AzuriteServeFixture _serve;

    public AzuriteServeTests(AzuriteFixture azurite) => _serve = new AzuriteServeFixture(azurite);

    public Task InitializeAsync() => _serve.InitializeAsync();

    public Task DisposeAsync() => _serve.DisposeAsync();

    [Fact]
    public async Task FlowExecutionSearchAndLogs_OnTableAndBlobStorage_RoundTrip()
    {
        var api = _serve.Client;
        var ns = ServeFixture.NewNamespace();
        await api.CreateFlowAsync($$$"""
            id: stored
            namespace: {{{ns}}}
            inputs:
              - id: who
                type: STRING
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: "hello {{ inputs.who }}"
            """);

        var first = await api.RunAsync(ns, "stored", """{"who":"azurite"}""", "&labels=kind:blob");
        var second = await api.RunAsync(ns, "stored", """{"who":"again"}""");
        var id = first.GetProperty("id").GetString();
        var record = await _serve.Host.Services.ReadRecordAsync(id!);
        var search = await api.GetAsync($"api/v1/executions/search?namespace={ns}&labels=kind:blob");
        var all = await api.GetAsync($"api/v1/executions/search?namespace={ns}&sort=state.startDate:desc");
        var logs = await api.GetAsync($"api/v1/logs/{id}");

        Assert.Equal("SUCCESS", ExecutionRoutesTests.State(first).GetString());
        Assert.Equal(Engine.Executions.State.SUCCESS, record!.State.Current);
        Assert.Equal(1, search.Json.GetProperty("total").GetInt32());
        Assert.Equal(id, search.Json.GetProperty("results")[0].GetProperty("id").GetString());
        Assert.Equal(second.GetProperty("id").GetString(), all.Json.GetProperty("results")[0].GetProperty("id").GetString());
        Assert.Equal(["hello azurite"], logs.Json.EnumerateArray().Select(l => l.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task NamespaceFilesAndKv_OnBlobStorage_RoundTrip()
    {
        var api = _serve.Client;
        var ns = ServeFixture.NewNamespace();

        var upload = await api.SendAsync(HttpMethod.Post, $"api/v1/namespaces/{ns}/files?path=a/b.txt", new StringContent("content"));
        var file = await api.GetAsync($"api/v1/namespaces/{ns}/files?path=a/b.txt");
        var put = await api.SendAsync(HttpMethod.Put, $"api/v1/namespaces/{ns}/kv/k", new StringContent("42", Encoding.UTF8, "application/json"));
        var kv = await api.GetAsync($"api/v1/namespaces/{ns}/kv/k");
        var traversal = await api.GetAsync($"api/v1/namespaces/{ns}/files?path=..%2Fx");

        Assert.Equal(HttpStatusCode.NoContent, upload.Status);
        Assert.Equal("content", file.Body);
        Assert.Equal(HttpStatusCode.NoContent, put.Status);
        Assert.Equal(42, kv.Json.GetProperty("value").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, traversal.Status);
    }
}

internal static class ServeServices
{
    public static Task<Engine.Executions.Execution?> ReadRecordAsync(this IServiceProvider services, string executionId) =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Engine.Records.IExecutionStore>(services)
            .GetAsync(executionId);
}

using System.Net.Http;
using System.Net.Sockets;
using Azure;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Api;
using Serverless.Durable.Embedded;
using Serverless.Engine.Azure.Storage;
using Serverless.Engine.Executions;
using Serverless.Engine.Records;
using Serverless.Engine.Storage;

namespace Serverless.Api.Tests;

/// <summary>How the API and the storage-fault classifier treat an unreachable account (the end-to-end test is in the reliability tests).</summary>
public sealed class StorageOutageApiTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("flows-outage-api-").FullName;

    /// <summary>What the Azure SDK throws after its last retry on refused connections.</summary>
    private static AggregateException Refused() => new(
        "Retry failed after 4 tries.",
        Enumerable.Range(0, 4).Select(_ => new RequestFailedException("Connection refused (127.0.0.1:10002)", new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)))));

    public static TheoryData<Exception> Outages() =>
    [
        Refused(),
        new RequestFailedException(503, "Server busy", "ServerBusy", null),
        new RequestFailedException(429, "Too many requests"),
        new StorageException("Blob storage could not read 'x'.", new RequestFailedException(500, "Internal")),
        new TaskCanceledException("timed out", new TimeoutException()),
    ];

    public static TheoryData<Exception> NotOutages() =>
    [
        new RequestFailedException(403, "Forbidden", "AuthorizationFailure", null),
        new RequestFailedException(404, "Not found"),
        new InvalidOperationException("bug"),
        new TaskCanceledException("cancelled"),
    ];

    [Theory]
    [MemberData(nameof(Outages))]
    public void IsUnavailable_Outage_IsTrueWithAOneLineReason(Exception exception)
    {
        Assert.True(AzureStorageFaults.Instance.IsUnavailable(exception));
        var reason = AzureStorageFaults.Instance.Describe(exception);
        Assert.False(string.IsNullOrWhiteSpace(reason));
        Assert.DoesNotContain('\n', reason);
        Assert.DoesNotContain("Retry failed", reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(NotOutages))]
    public void IsUnavailable_OtherFailure_IsFalse(Exception exception) => Assert.False(AzureStorageFaults.Instance.IsUnavailable(exception));

    [Fact]
    public async Task HandleAsync_RecordStoreUnreachable_Answers503WithRetryHint()
    {
        await using var engine = await EmbeddedEngine.StartAsync();
        var api = Api(new UnreachableExecutionStore(Refused()));

        var response = await api.HandleAsync(ApiRoutes.ExecutionsGet, Get("executionId", "abc123"), engine.Executions, CancellationToken.None);

        Assert.Equal(503, response.Status);
        Assert.Equal("5", response.Headers["Retry-After"]);
        var body = Assert.IsType<ApiErrorBody>(response.Value);
        Assert.Equal("Storage is unavailable: Connection refused. Retry later.", body.Message);
    }

    [Fact]
    public async Task HandleAsync_RecordStoreForbidden_IsNotReportedAsAnOutage()
    {
        await using var engine = await EmbeddedEngine.StartAsync();
        var api = Api(new UnreachableExecutionStore(new RequestFailedException(403, "Forbidden", "AuthorizationFailure", null)));

        var response = await api.HandleAsync(ApiRoutes.ExecutionsGet, Get("executionId", "abc123"), engine.Executions, CancellationToken.None);

        Assert.Equal(500, response.Status);
        Assert.DoesNotContain("Retry later", Assert.IsType<ApiErrorBody>(response.Value).Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private FlowApi Api(IExecutionStore records) =>
        new(LocalStores.Create(_root), records, new InMemoryLogStore(), NullLogger<FlowApi>.Instance);

    private static ApiRequest Get(string name, string value) => new()
    {
        Method = "GET",
        Route = new Dictionary<string, string> { [name] = value },
    };

    private sealed class UnreachableExecutionStore(Exception failure) : IExecutionStore
    {
        public Task SaveAsync(Execution execution, CancellationToken ct = default) => Task.FromException(failure);

        public Task<Execution?> GetAsync(string executionId, CancellationToken ct = default) => Task.FromException<Execution?>(failure);

        public Task<bool> DeleteAsync(string executionId, CancellationToken ct = default) => Task.FromException<bool>(failure);

        public Task<ExecutionPage> SearchAsync(ExecutionQuery query, CancellationToken ct = default) => Task.FromException<ExecutionPage>(failure);
    }
}

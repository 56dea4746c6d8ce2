using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Api;
using Serverless.Functions.Configuration;

namespace Serverless.Functions.Http;

/// <summary>Namespace file and KV routes of <c>/api/v1</c>; the handlers are <see cref="FlowApi"/>'s.</summary>
public sealed class NamespaceFunctions(FlowApi flowApi, FunctionsDurableClientSource clients)
{
    private readonly HttpApi api = new(flowApi, clients);

    [Function("FilesDirectory")]
    public Task<IActionResult> DirectoryAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/v1/namespaces/{namespace}/files/directory")] HttpRequest req, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        api.HandleAsync(ApiRoutes.FilesDirectory, req, client, ct);

    [Function("FilesGet")]
    public Task<IActionResult> GetFileAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/v1/namespaces/{namespace}/files")] HttpRequest req, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        api.HandleAsync(ApiRoutes.FilesGet, req, client, ct);

    [Function("FilesUpload")]
    public Task<IActionResult> UploadAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/v1/namespaces/{namespace}/files")] HttpRequest req, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        api.HandleAsync(ApiRoutes.FilesUpload, req, client, ct);

    [Function("FilesMove")]
    public Task<IActionResult> MoveAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "api/v1/namespaces/{namespace}/files")] HttpRequest req, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        api.HandleAsync(ApiRoutes.FilesMove, req, client, ct);

    [Function("FilesDelete")]
    public Task<IActionResult> DeleteFileAsync(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "api/v1/namespaces/{namespace}/files")] HttpRequest req, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        api.HandleAsync(ApiRoutes.FilesDelete, req, client, ct);

    [Function("KvList")]
    public Task<IActionResult> KeysAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/v1/namespaces/{namespace}/kv")] HttpRequest req, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        api.HandleAsync(ApiRoutes.KvList, req, client, ct);

    [Function("KvGet")]
    public Task<IActionResult> GetKeyAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/v1/namespaces/{namespace}/kv/{key}")] HttpRequest req, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        api.HandleAsync(ApiRoutes.KvGet, req, client, ct);

    [Function("KvPut")]
    public Task<IActionResult> PutKeyAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "api/v1/namespaces/{namespace}/kv/{key}")] HttpRequest req, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        api.HandleAsync(ApiRoutes.KvPut, req, client, ct);

    [Function("KvDelete")]
    public Task<IActionResult> DeleteKeyAsync(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "api/v1/namespaces/{namespace}/kv/{key}")] HttpRequest req, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        api.HandleAsync(ApiRoutes.KvDelete, req, client, ct);
}

using System.Globalization;
using Serverless.Engine.Contracts;
using Serverless.Engine.Secrets;
using Serverless.Engine.Storage;
using Serverless.Engine.Tasks.Scripts;

namespace Serverless.Engine.Tasks.Http;

/// <summary>
/// <c>io.kestra.plugin.core.http.Download</c>: streams a response body into internal storage (never into
/// memory or the orchestration history) and returns its <c>kestra://</c> URI.
/// <code>
/// - id: download
///   type: io.kestra.plugin.core.http.Download
///   uri: https://huggingface.co/datasets/kestra/datasets/raw/main/csv/orders.csv
/// </code>
/// Outputs: <c>uri</c> (kestra://), <c>code</c>, <c>length</c>, <c>headers</c>. A 4xx/5xx status fails, and so does an
/// empty body unless <c>failOnEmptyResponse: false</c>.
/// </summary>
public sealed class DownloadTask : RunnableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.http.Download", "io.kestra.plugin.fs.http.Download"];

    public override IReadOnlyList<PropertySpec> Properties { get; } = [.. HttpTaskSupport.CommonProperties, PropertySpec.Boolean("failOnEmptyResponse")];

    public override async Task<TaskResult> RunAsync(TaskRunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = HttpTaskSupport.Options(context);
        using var request = HttpTaskSupport.BuildRequest(context);
        using var deadline = HttpTaskSupport.Deadline(context, HttpTaskSupport.Timeout(options));
        var client = HttpTaskSupport.Client(context, options);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        var code = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode && !HttpTaskSupport.AllowFailed(context, options))
        {
            return context.FailMasked("HttpFailed", $"Failed downloading '{request.RequestUri}' with response code '{code.ToString(CultureInfo.InvariantCulture)}'", retryable: code >= 500 || code == 429);
        }

        var storage = ScriptTaskType.Require<IInternalStorage>(context, "Download");
        var r = context.Request;
        var scope = new StorageScope(r.Namespace, r.FlowId, r.ExecutionId, r.TaskId, r.TaskRunId);
        await using var body = await response.Content.ReadAsStreamAsync(deadline.Token);
        var uri = await storage.PutAsync(scope, FileName(response, request.RequestUri!), body, deadline.Token);
        var length = await storage.SizeAsync(uri, deadline.Token);
        if (length == 0 && context.RenderBool("failOnEmptyResponse", defaultValue: true))
        {
            return context.FailMasked("HttpEmptyResponse", $"'{request.RequestUri}' returned an empty body (set failOnEmptyResponse: false to accept it)");
        }

        context.LogMasked("DEBUG", $"Downloaded {length} bytes from {request.RequestUri}");
        return context.MaskResult(TaskResult.Success(new Dictionary<string, object?>
        {
            ["uri"] = uri.ToString(),
            ["code"] = (long)code,
            ["length"] = length,
            ["headers"] = HttpTaskSupport.Headers(response),
        }));
    }

    /// <summary>The Content-Disposition file name, else the URI's last segment, if it is a safe file name; else <c>download</c>.</summary>
    private static string FileName(HttpResponseMessage response, Uri uri)
    {
        var candidates = new[]
        {
            response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'),
            Uri.UnescapeDataString(uri.Segments.LastOrDefault() ?? "").TrimEnd('/'),
        };
        foreach (var candidate in candidates)
        {
            if (string.IsNullOrWhiteSpace(candidate) || candidate.Contains('/', StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                return StoragePaths.NormalizeRelative(candidate);
            }
            catch (StorageException)
            {
                // not a safe file name: try the next candidate
            }
        }

        return "download";
    }
}

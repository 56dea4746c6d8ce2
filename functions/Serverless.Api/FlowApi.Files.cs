using Serverless.Engine.Storage;

namespace Serverless.Api;

/// <summary>Namespace files: list a folder, read, upload (multipart <c>fileContent</c> or raw body), move, delete.</summary>
public sealed partial class FlowApi
{
    private async Task<ApiResponse> ListFilesAsync(ApiRequest request, CancellationToken ct)
    {
        var ns = request.RouteValue("namespace");
        var folder = request.QueryValue("path") is { Length: > 0 } p && p != "/" ? StoragePaths.NormalizeRelative(p.TrimEnd('/')) + "/" : "";
        var files = await _files.ListAsync(ns, folder.Length == 0 ? null : folder, ct);
        var entries = files
            .GroupBy(f => f.Path[folder.Length..].Split('/')[0], StringComparer.Ordinal)
            .Select(g => g.Count() == 1 && g.First().Path.Length == folder.Length + g.Key.Length
                ? new FileAttributes(g.Key, "File", g.First().Size, g.First().LastModified)
                : new FileAttributes(g.Key, "Directory", 0, g.Max(f => f.LastModified)))
            .ToList();
        return entries.Count == 0 && folder.Length > 0
            ? throw ApiException.NotFound($"Folder '{ns}/{folder}' has no files.")
            : ApiResponse.Json(entries);
    }

    private async Task<ApiResponse> GetFileAsync(ApiRequest request, CancellationToken ct)
    {
        var (ns, path) = (request.RouteValue("namespace"), RequiredPath(request, "path"));
        var content = await _files.OpenReadAsync(ns, path, ct) ?? throw ApiException.NotFound($"Namespace file '{ns}/{path}' was not found.");
        return ApiResponse.File(content, path[(path.LastIndexOf('/') + 1)..]);
    }

    private async Task<ApiResponse> UploadFileAsync(ApiRequest request, CancellationToken ct)
    {
        var (ns, path) = (request.RouteValue("namespace"), RequiredPath(request, "path"));
        StoragePaths.ValidateNamespace(ns);
        if (request.IsForm)
        {
            var form = await ReadFormAsync(request, ct);
            var file = form.Files.FirstOrDefault(f => f.Name == "fileContent")
                ?? throw ApiException.BadRequest("The form has no 'fileContent' file.");
            await using var content = file.OpenReadStream();
            await _files.WriteAsync(ns, path, content, ct);
        }
        else
        {
            // Buffered so an oversized body is rejected before anything is written.
            var bytes = await ApiBodies.ReadBytesAsync(request, _options.MaxFileBytes, ct);
            await _files.WriteAsync(ns, path, new MemoryStream(bytes), ct);
        }

        return ApiResponse.NoContent();
    }

    private async Task<ApiResponse> MoveFileAsync(ApiRequest request, CancellationToken ct)
    {
        var ns = request.RouteValue("namespace");
        await _files.MoveAsync(ns, RequiredPath(request, "from"), RequiredPath(request, "to"), ct);
        return ApiResponse.NoContent();
    }

    private async Task<ApiResponse> DeleteFileAsync(ApiRequest request, CancellationToken ct)
    {
        var (ns, path) = (request.RouteValue("namespace"), RequiredPath(request, "path"));
        if (await _files.DeleteAsync(ns, path, ct))
        {
            return ApiResponse.NoContent();
        }

        var inside = await _files.ListAsync(ns, path + "/", ct);
        foreach (var file in inside)
        {
            await _files.DeleteAsync(ns, file.Path, ct);
        }

        return inside.Count > 0 ? ApiResponse.NoContent() : throw ApiException.NotFound($"Namespace file '{ns}/{path}' was not found.");
    }

    /// <summary>A required path parameter, normalized (a leading '/' as Kestra's UI sends it is accepted).</summary>
    private static string RequiredPath(ApiRequest request, string name)
    {
        var value = request.QueryValue(name);
        return string.IsNullOrEmpty(value)
            ? throw ApiException.BadRequest($"{name} is required.")
            : StoragePaths.NormalizeRelative(value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal) ? value[1..] : value);
    }
}

/// <summary>One entry of a namespace folder listing, as Kestra's <c>FileAttributes</c>.</summary>
public sealed record FileAttributes(string FileName, string Type, long Size, DateTimeOffset LastModifiedTime);

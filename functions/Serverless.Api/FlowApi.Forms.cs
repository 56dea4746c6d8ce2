using Serverless.Engine.Flows;
using Serverless.Engine.Storage;

namespace Serverless.Api;

/// <summary>
/// Multipart inputs: text fields are input values (repeated fields become lists), files are FILE inputs,
/// stored in internal storage under the new execution and passed on as their <c>kestra:///</c> URI.
/// </summary>
public sealed partial class FlowApi
{
    private async Task<IReadOnlyDictionary<string, object?>> ReadFormInputsAsync(
        ApiRequest request, Flow flow, string executionId, List<Uri> uploaded, CancellationToken ct)
    {
        var form = await ReadFormAsync(request, ct);
        var inputs = FormFields(form);
        foreach (var file in form.Files)
        {
            var input = flow.Inputs.FirstOrDefault(i => i.Id == file.Name)
                ?? throw ApiException.Unprocessable($"The flow has no input '{file.Name}' for the uploaded file '{file.FileName}'.", [new ApiErrorDetail("inputs." + file.Name, "unknown input")]);
            if (!string.Equals(input.Type, "FILE", StringComparison.OrdinalIgnoreCase))
            {
                throw ApiException.Unprocessable($"Input '{input.Id}' is of type {input.Type}; only FILE inputs take uploads.", [new ApiErrorDetail("inputs." + input.Id, "not a FILE input")]);
            }

            await using var content = file.OpenReadStream();
            var scope = new StorageScope(flow.Namespace, flow.Id, executionId);
            var uri = await _storage.PutAsync(scope, "inputs/" + input.Id + "/" + SafeFileName(file.FileName, input.Id), content, ct);
            uploaded.Add(uri);
            inputs[input.Id] = uri.OriginalString;
        }

        return inputs;
    }

    private async Task<ApiForm> ReadFormAsync(ApiRequest request, CancellationToken ct)
    {
        if (request.ReadForm is null)
        {
            throw ApiException.Unsupported(request.ContentType, "application/json");
        }

        if (request.ContentLength > _options.MaxFileBytes)
        {
            throw ApiException.TooLarge(_options.MaxFileBytes);
        }

        var form = await request.ReadForm(ct);
        var limit = _options.MaxFileBytes;
        return form.Files.Any(f => f.Length > limit) ? throw ApiException.TooLarge(limit) : form;
    }

    private static Dictionary<string, object?> FormFields(ApiForm form)
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, values) in form.Fields)
        {
            fields[name] = values.Count == 1 ? values[0] : values.Cast<object?>().ToList();
        }

        return fields;
    }

    /// <summary>The upload's own name when it is a safe single segment, else the input id: clients choose file names.</summary>
    private static string SafeFileName(string fileName, string fallback)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        try
        {
            return !string.IsNullOrEmpty(name) && !name.Contains('/', StringComparison.Ordinal) ? StoragePaths.NormalizeRelative(name) : fallback;
        }
        catch (StorageException)
        {
            return fallback;
        }
    }
}

using System.Text.RegularExpressions;
using Serverless.Engine.Validation;

namespace Serverless.Api;

/// <summary><c>POST /api/v1/flows/validate</c>: Kestra's list of <c>ValidateConstraintViolation</c>, one per YAML document.</summary>
public sealed partial class FlowApi
{
    private async Task<ApiResponse> ValidateFlowsAsync(ApiRequest request, CancellationToken ct)
    {
        var yaml = await ApiBodies.ReadYamlAsync(request, _options.MaxFlowBytes, ct);
        var results = new List<FlowValidation>();
        foreach (var (index, lineOffset, document) in SplitDocuments(yaml))
        {
            var parsed = _parser.Parse(document);
            var errors = parsed.Errors.Select(e => e with { Position = e.Position with { Line = e.Position.Line + lineOffset } }).ToList();
            results.Add(new FlowValidation(
                index,
                parsed.Flow?.Id ?? IdOf(document, "id"),
                parsed.Flow?.Namespace ?? IdOf(document, "namespace"),
                errors.Count == 0 ? null : string.Join("\n", errors.Select(e => $"{e.Position}: {e}")),
                [.. errors.Select(Detail)])
            {
                Warnings = [.. parsed.Warnings.Select(w => $"{w.Position with { Line = w.Position.Line + lineOffset }}: {w}")],
            });
        }

        return ApiResponse.Json(results);
    }

    /// <summary>Documents separated by <c>---</c> lines, with their index and the line count before them.</summary>
    private static IEnumerable<(int Index, int LineOffset, string Document)> SplitDocuments(string yaml)
    {
        var lines = yaml.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = 0;
        var index = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            if (i < lines.Length && lines[i].TrimEnd() != "---")
            {
                continue;
            }

            var document = string.Join('\n', lines[start..i]);
            if (!string.IsNullOrWhiteSpace(document) || (index == 0 && i == lines.Length))
            {
                yield return (index++, start, document);
            }

            start = i + 1;
        }
    }

    /// <summary>A top-level scalar of an invalid document, so the result still names its flow.</summary>
    private static string? IdOf(string document, string key) =>
        Regex.Match(document, "^" + key + @":\s*['""]?([^'""\s#]+)", RegexOptions.Multiline, TimeSpan.FromSeconds(1)) is { Success: true } m ? m.Groups[1].Value : null;
}

/// <summary>One document's validation: <see cref="Constraints"/> is null when the flow is valid.</summary>
public sealed record FlowValidation(int Index, string? Flow, string? Namespace, string? Constraints, IReadOnlyList<ApiErrorDetail> Errors)
{
    public bool Outdated => false;

    public IReadOnlyList<string> DeprecationPaths => [];

    /// <summary>Problems that leave the flow valid, as <c>LINE:COLUMN: path: message</c>.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public IReadOnlyList<string> Infos => [];
}

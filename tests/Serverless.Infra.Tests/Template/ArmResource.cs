using System.Text.Json;
using System.Text.RegularExpressions;

namespace Serverless.Infra.Tests.Template;

/// <summary>
/// One resource of the compiled template, with the module (nested deployment) that declares it.
/// Values are ARM JSON: literals stay literals, everything computed is a "[...]" expression string.
/// </summary>
internal sealed partial record ArmResource(string Module, JsonElement Element, JsonElement ModuleTemplate)
{
    public string Type => Element.GetProperty("type").GetString() ?? string.Empty;

    public string Name => Element.TryGetProperty("name", out var name) ? name.ToString() : string.Empty;

    public string Text => Element.GetRawText();

    /// <summary>The raw JSON of the whole template (module) that declares this resource.</summary>
    public string ModuleText => ModuleTemplate.GetRawText();

    /// <summary>The element at a dotted path, e.g. <c>properties.siteConfig.minTlsVersion</c>.</summary>
    public JsonElement At(string path)
    {
        var current = Element;
        foreach (var segment in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                throw new KeyNotFoundException($"'{path}' not found on {Type} in module '{Module}'.");
            }
        }

        return current;
    }

    public string? StringAt(string path) => At(path).GetString();

    /// <summary>
    /// The element at a path, following <c>[variables('x')]</c> and <c>[variables('x').y]</c> into the
    /// declaring template's variables, so names held in a variable compare as their literal values.
    /// </summary>
    public JsonElement Resolved(string path) => Resolve(At(path));

    public JsonElement Resolve(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String
            || VariableReference().Match(value.GetString() ?? string.Empty) is not { Success: true } match
            || !ModuleTemplate.TryGetProperty("variables", out var variables)
            || !variables.TryGetProperty(match.Groups["name"].Value, out var resolved))
        {
            return value;
        }

        return match.Groups["member"].Success ? resolved.GetProperty(match.Groups["member"].Value) : resolved;
    }

    public bool BoolAt(string path) => At(path).ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        var kind => throw new InvalidOperationException(
            $"'{path}' on {Type} is {kind} ({At(path).GetRawText()}), not a literal bool."),
    };

    [GeneratedRegex(@"^\[variables\('(?<name>[^']+)'\)(?:\.(?<member>\w+))?\]$")]
    private static partial Regex VariableReference();

    public override string ToString() => $"{Type} {Name} (module '{Module}')";
}

using System.Text.Json;

namespace Serverless.Infra.Tests.Template;

/// <summary>
/// The ARM JSON <c>bicep build</c> produced, flattened: modules compile to
/// <c>Microsoft.Resources/deployments</c> holding their own <c>properties.template</c>, so resources and
/// outputs are collected recursively. Handles both the array and the symbolic-name (object) layout.
/// </summary>
internal sealed class ArmTemplate
{
    public const string MainModule = "main";
    private const string DeploymentType = "Microsoft.Resources/deployments";

    private ArmTemplate(JsonDocument document)
    {
        Root = document.RootElement;
        RawJson = Root.GetRawText();
        var resources = new List<ArmResource>();
        var outputs = new List<ArmOutput>();
        Collect(MainModule, Root, resources, outputs);
        Resources = resources;
        Outputs = outputs;
    }

    public JsonElement Root { get; }

    public string RawJson { get; }

    /// <summary>Every declared (not <c>existing</c>) resource of every module, deployments included.</summary>
    public IReadOnlyList<ArmResource> Resources { get; }

    public IReadOnlyList<ArmOutput> Outputs { get; }

    public static ArmTemplate Parse(string json) => new(JsonDocument.Parse(json));

    public IReadOnlyList<ArmResource> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase)).ToList();

    public ArmResource Single(string type)
    {
        var matches = OfType(type);
        Assert.True(matches.Count == 1, $"Expected one {type}, found {matches.Count}.");
        return matches[0];
    }

    /// <summary>The nested deployment that compiles the module with this deployment name.</summary>
    public ArmResource Module(string name) =>
        OfType(DeploymentType).SingleOrDefault(d => d.Name == name)
        ?? throw new KeyNotFoundException($"No module deployment named '{name}'.");

    private static void Collect(string module, JsonElement template, List<ArmResource> resources, List<ArmOutput> outputs)
    {
        foreach (var resource in EnumerateResources(template))
        {
            if (resource.TryGetProperty("existing", out var existing) && existing.ValueKind == JsonValueKind.True)
            {
                continue;
            }

            var armResource = new ArmResource(module, resource, template);
            resources.Add(armResource);
            if (armResource.Type == DeploymentType
                && resource.TryGetProperty("properties", out var properties)
                && properties.TryGetProperty("template", out var nested))
            {
                Collect(armResource.Name, nested, resources, outputs);
            }
        }

        if (template.TryGetProperty("outputs", out var declared))
        {
            foreach (var output in declared.EnumerateObject())
            {
                var type = output.Value.TryGetProperty("type", out var t) ? t.GetString() ?? string.Empty : string.Empty;
                var value = output.Value.TryGetProperty("value", out var v) ? v.GetRawText() : string.Empty;
                outputs.Add(new ArmOutput(module, output.Name, type, value));
            }
        }
    }

    private static IEnumerable<JsonElement> EnumerateResources(JsonElement template)
    {
        if (!template.TryGetProperty("resources", out var resources))
        {
            return [];
        }

        return resources.ValueKind == JsonValueKind.Array
            ? resources.EnumerateArray()
            : resources.EnumerateObject().Select(p => p.Value);
    }
}

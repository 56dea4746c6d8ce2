using Serverless.Engine.Parsing;

namespace Serverless.Engine.Flows;

/// <summary>
/// Resolves flows from the .yaml/.yml files of a folder (recursively), by their <c>namespace</c> and <c>id</c>.
/// Files that do not parse are skipped. The folder is read once, when first needed.
/// </summary>
public sealed class DirectoryFlowResolver(string directory) : IFlowResolver
{
    private readonly Lazy<IReadOnlyDictionary<(string, string), ResolvedFlow>> _flows = new(() => Load(directory));

    public Task<ResolvedFlow?> FindAsync(FlowReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var found = _flows.Value.GetValueOrDefault((reference.Namespace, reference.FlowId));
        return Task.FromResult(reference.Revision is { } revision && found?.Revision != revision ? null : found);
    }

    private static Dictionary<(string, string), ResolvedFlow> Load(string directory)
    {
        var flows = new Dictionary<(string, string), ResolvedFlow>();
        if (!Directory.Exists(directory))
        {
            return flows;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                     .Order(StringComparer.Ordinal))
        {
            var source = File.ReadAllText(file);
            if (FlowParser.Default.Parse(source) is { IsValid: true, Flow: { } flow })
            {
                flows.TryAdd((flow.Namespace, flow.Id), new ResolvedFlow(source, flow.Revision));
            }
        }

        return flows;
    }
}

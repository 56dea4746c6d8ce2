using Serverless.Engine.Parsing;
using Serverless.Engine.Storage;

namespace Serverless.Api;

/// <summary>How the API shows a stored flow: its YAML as JSON, with revision, deletion flag and update time.</summary>
internal static class FlowViews
{
    public static IReadOnlyDictionary<string, object?> Json(StoredFlow stored, bool withSource)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in PlainYaml.ReadMap(stored.Source))
        {
            map[key] = value;
        }

        map["id"] = stored.Id;
        map["namespace"] = stored.Namespace;
        map["revision"] = (long)stored.Revision;
        map["deleted"] = stored.Deleted;
        map["updated"] = stored.Updated;
        if (withSource)
        {
            map["source"] = stored.Source;
        }

        return map;
    }

    /// <summary>The flow's <c>description</c>, for text search.</summary>
    public static string? Description(StoredFlow stored) => PlainYaml.ReadMap(stored.Source).GetValueOrDefault("description") as string;
}

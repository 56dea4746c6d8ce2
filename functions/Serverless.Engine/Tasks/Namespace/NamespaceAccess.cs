using Serverless.Engine.Storage;

namespace Serverless.Engine.Tasks.Namespace;

/// <summary>
/// Which namespaces a flow may reach through the KV store and namespace files: its own and its children.
/// Kestra lets any flow target any namespace; here an execution must not read or change another team's
/// data, so a sibling or parent namespace is refused with a message that says why.
/// </summary>
internal static class NamespaceAccess
{
    /// <summary>The namespace to use: <paramref name="requested"/> when allowed, the flow's own when absent.</summary>
    public static string Resolve(string flowNamespace, string? requested, string what)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return flowNamespace;
        }

        var ns = requested.Trim();
        StoragePaths.ValidateNamespace(ns);
        return StoragePaths.IsInNamespace(ns, flowNamespace)
            ? ns
            : throw new UnauthorizedAccessException(
                $"namespace '{ns}' is not accessible from flows of '{flowNamespace}': {what} can be used in the flow's own namespace and its sub-namespaces only.");
    }
}

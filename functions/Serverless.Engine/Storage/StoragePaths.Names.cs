using System.Text.RegularExpressions;

namespace Serverless.Engine.Storage;

/// <summary>Validation of the identifiers that become single path segments or, for namespaces, folder chains.</summary>
public static partial class StoragePaths
{
    /// <summary>Kestra's namespace length limit.</summary>
    public const int MaxNamespaceLength = 150;

    /// <summary>Limit for flow, execution, task and task-run ids and KV keys.</summary>
    public const int MaxIdLength = 255;

    /// <summary>
    /// Kestra's namespace rule <c>^[a-z0-9][a-z0-9._-]*$</c>, plus what the storage layout needs: no
    /// empty part (<c>a..b</c>) and no trailing dot, because internal storage turns dots into folders.
    /// </summary>
    public static void ValidateNamespace(string ns)
    {
        ArgumentNullException.ThrowIfNull(ns);
        var reason = ns.Length switch
        {
            0 => "the namespace is empty",
            > MaxNamespaceLength => $"longer than {MaxNamespaceLength} characters",
            _ when !NamespacePattern().IsMatch(ns) => "use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit",
            _ when ns.Contains("..", StringComparison.Ordinal) || ns.EndsWith('.') => "a namespace part between dots is empty",
            _ => null,
        };
        if (reason is not null)
        {
            throw StorageException.InvalidPath("namespace", ns, reason);
        }
    }

    /// <summary>
    /// Validates an id that is stored as one path segment: flow, execution, task and task-run ids and KV
    /// keys (<c>^[a-zA-Z0-9][a-zA-Z0-9._-]*$</c>, no trailing dot). <paramref name="what"/> names it in the message.
    /// </summary>
    public static void ValidateId(string id, string what)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentException.ThrowIfNullOrEmpty(what);
        var reason = id.Length switch
        {
            0 => $"the {what} is empty",
            > MaxIdLength => $"longer than {MaxIdLength} characters",
            _ when !IdPattern().IsMatch(id) => "use letters, digits, '.', '_' and '-', starting with a letter or digit",
            _ when id.EndsWith('.') => "it ends with a dot",
            _ => null,
        };
        if (reason is not null)
        {
            throw StorageException.InvalidPath(what, id, reason);
        }
    }

    /// <summary>The namespace as folders (<c>company.team</c> → <c>company/team</c>), as Kestra lays out internal storage.</summary>
    public static string NamespaceToPath(string ns)
    {
        ValidateNamespace(ns);
        return ns.Replace('.', '/');
    }

    /// <summary>True when <paramref name="candidate"/> is <paramref name="ns"/> or one of its child namespaces.</summary>
    public static bool IsInNamespace(string candidate, string ns) =>
        candidate == ns || (candidate.Length > ns.Length && candidate.StartsWith(ns, StringComparison.Ordinal) && candidate[ns.Length] == '.');

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamespacePattern();

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}

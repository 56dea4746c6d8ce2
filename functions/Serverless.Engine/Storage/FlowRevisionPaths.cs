using System.Globalization;

namespace Serverless.Engine.Storage;

/// <summary>
/// The flow layout both implementations share: <c>{namespace}/{id}/{revision:D6}.yaml</c>. Six digits
/// keep listings in revision order for the first million revisions; parsing does not depend on it.
/// </summary>
public static class FlowRevisionPaths
{
    /// <summary>How many times a save retries after losing a revision number to a concurrent writer.</summary>
    public const int MaxAttempts = 100;

    public static void Validate(string ns, string id)
    {
        StoragePaths.ValidateNamespace(ns);
        StoragePaths.ValidateId(id, "flow id");
    }

    public static void ValidateSource(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (string.IsNullOrWhiteSpace(source))
        {
            throw new ArgumentException("A flow source cannot be empty.", nameof(source));
        }
    }

    public static string Folder(string ns, string id) => ns + "/" + id;

    public static string Revision(string ns, string id, int revision) =>
        Folder(ns, id) + "/" + revision.ToString("D6", CultureInfo.InvariantCulture) + ".yaml";

    /// <summary>Splits <c>{ns}/{id}/{rev}.yaml</c>; false for anything else found in the folder.</summary>
    public static bool TryParse(string path, out string ns, out string id, out int revision)
    {
        ns = id = string.Empty;
        revision = 0;
        var parts = path.Split('/');
        if (parts.Length != 3 || !parts[2].EndsWith(".yaml", StringComparison.Ordinal))
        {
            return false;
        }

        var number = parts[2][..^".yaml".Length];
        if (number.Length == 0 || !number.All(char.IsAsciiDigit)
            || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out revision) || revision < 1)
        {
            return false;
        }

        (ns, id) = (parts[0], parts[1]);
        return true;
    }

    public static StorageException Contended(string ns, string id) =>
        new(StorageErrorKind.Conflict, $"Flow '{ns}.{id}' could not get a new revision after {MaxAttempts} attempts: too many concurrent writers.");
}

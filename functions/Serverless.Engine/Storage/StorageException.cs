namespace Serverless.Engine.Storage;

/// <summary>What went wrong in a storage call, so callers can map it (404, 409, 400) without parsing messages.</summary>
public enum StorageErrorKind
{
    /// <summary>The backend failed (network, permissions, throttling); the inner exception has details.</summary>
    Failed,
    /// <summary>A path, namespace, id or key from the user is not acceptable.</summary>
    InvalidPath,
    /// <summary>The file, flow or key does not exist.</summary>
    NotFound,
    /// <summary>The target of a create-only operation exists.</summary>
    AlreadyExists,
    /// <summary>A concurrent writer kept winning a conditional write.</summary>
    Conflict,
}

/// <summary>
/// The single failure type of the storage layer. Messages name the namespace and path involved and
/// never contain connection strings, keys or tokens, so they can be shown to users and logged.
/// </summary>
public sealed class StorageException : Exception
{
    public StorageException()
        : this(StorageErrorKind.Failed, "Storage operation failed.")
    {
    }

    public StorageException(string message)
        : this(StorageErrorKind.Failed, message)
    {
    }

    public StorageException(string message, Exception innerException)
        : this(StorageErrorKind.Failed, message, innerException)
    {
    }

    public StorageException(StorageErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException) => Kind = kind;

    /// <summary>The category of the failure.</summary>
    public StorageErrorKind Kind { get; }

    // The factories below are public so that every store implementation, in this assembly or an adapter's,
    // words the same failure the same way.
    public static StorageException InvalidPath(string what, string value, string reason) =>
        new(StorageErrorKind.InvalidPath, $"Invalid {what} '{Printable(value)}': {reason}.");

    public static StorageException NotFound(string what) =>
        new(StorageErrorKind.NotFound, $"{what} was not found.");

    public static StorageException InternalFileNotFound(Uri kestraUri) =>
        NotFound($"Internal storage file '{Printable(kestraUri?.OriginalString ?? "")}'");

    /// <summary>Shows control characters as escapes so a hostile value cannot forge log lines.</summary>
    public static string Printable(string value)
    {
        const int Max = 200;
        var builder = new System.Text.StringBuilder(Math.Min(value.Length, Max) + 8);
        foreach (var c in value.Length > Max ? value[..Max] : value)
        {
            if (char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return value.Length > Max ? builder.Append('…').ToString() : builder.ToString();
    }
}

namespace Serverless.Engine.Storage;

/// <summary>
/// Where the stores keep their data. A connection string or a blob service URI selects Azure Blob
/// Storage; otherwise the local-folder implementation is used under <see cref="LocalRoot"/>.
/// </summary>
/// <remarks>
/// Prefer <see cref="BlobServiceUri"/> in Azure: it authenticates with <c>DefaultAzureCredential</c>
/// (managed identity), so no key is configured. The connection string is for Azurite and development;
/// it is a secret and never appears in messages.
/// </remarks>
public sealed class StorageOptions
{
    /// <summary>Blob connection string, e.g. <c>UseDevelopmentStorage=true</c> for Azurite on its default ports.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Blob endpoint (<c>https://account.blob.core.windows.net</c>) used with <c>DefaultAzureCredential</c> when no connection string is set.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Table endpoint for the parts of the engine that use tables; the four stores here use blobs only.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>Root folder of the local implementation; defaults to <c>./.flows</c> in the current directory.</summary>
    public string? LocalRoot { get; set; }

    /// <summary>
    /// Prepended to every container (and local top folder) name, so tests and side-by-side environments
    /// stay apart. Lower-case letters, digits and '-' only, at most 20 characters.
    /// </summary>
    public string ContainerPrefix { get; set; } = "";

    /// <summary>True when these options select Azure Blob Storage.</summary>
    public bool UsesBlobStorage => !string.IsNullOrWhiteSpace(ConnectionString) || BlobServiceUri is not null;
}

using Azure.Identity;
using Serverless.Engine.Storage;

namespace Serverless.Durable.Embedded.AzureStorage;

/// <summary>Turns the CLI's <c>--backend</c> and <c>--storage</c> choices into <see cref="EngineHostOptions"/>.</summary>
public static class DurableHosting
{
    /// <summary>Environment variable read when <c>--backend</c> is not given.</summary>
    public const string Variable = "FLOWS_BACKEND";

    /// <summary>
    /// The host options for <paramref name="backend"/>. The Azure Storage backend uses the same account as
    /// the stores (so it needs <c>--storage azurite</c>, a connection string or a blob URL) and a task hub
    /// named after the container prefix, so environments sharing an account stay apart.
    /// </summary>
    public static EngineHostOptions Create(DurableBackend backend, StorageOptions storage, string containerPrefix)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (backend == DurableBackend.Memory)
        {
            return new EngineHostOptions();
        }

        if (!storage.UsesBlobStorage)
        {
            throw new ArgumentException("The azurestorage backend keeps executions in Azure Storage: add --storage azurite, a storage connection string or a blob service URL.");
        }

        var hub = "flows" + new string([.. (containerPrefix ?? "").Where(char.IsAsciiLetterOrDigit)]);
        return new EngineHostOptions
        {
            Backend = DurableBackend.AzureStorage,
            AzureStorage = new AzureStorageDurableHostOptions
            {
                ConnectionString = storage.ConnectionString,
                BlobServiceUri = string.IsNullOrWhiteSpace(storage.ConnectionString) ? storage.BlobServiceUri : null,
                Credential = string.IsNullOrWhiteSpace(storage.ConnectionString) ? new DefaultAzureCredential() : null,
                TaskHubName = hub.Length > 45 ? hub[..45] : hub,
            },
        };
    }

    /// <summary><c>--backend</c>, else <c>FLOWS_BACKEND</c>, else memory.</summary>
    public static DurableBackend Parse(string? value) =>
        EngineHostOptions.ParseBackend(string.IsNullOrWhiteSpace(value) ? Environment.GetEnvironmentVariable(Variable) : value);
}

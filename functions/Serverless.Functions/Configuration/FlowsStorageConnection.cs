using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Serverless.Engine.Azure.Storage;
using Serverless.Engine.Storage;

namespace Serverless.Functions.Configuration;

/// <summary>
/// The <c>FlowsStorage</c> connection, read the way the Functions host reads binding connections: either a
/// connection string (<c>FlowsStorage=UseDevelopmentStorage=true</c> for Azurite) or identity-based
/// settings (<c>FlowsStorage__blobServiceUri</c>, <c>__queueServiceUri</c>, <c>__tableServiceUri</c>,
/// <c>__credential=managedidentity</c>, <c>__clientId</c>), as the Bicep sets them. No key is ever needed in Azure.
/// </summary>
public sealed class FlowsStorageConnection
{
    public const string Name = "FlowsStorage";

    public string? ConnectionString { get; init; }

    public Uri? BlobServiceUri { get; init; }

    public Uri? QueueServiceUri { get; init; }

    public Uri? TableServiceUri { get; init; }

    /// <summary>Client id of the user-assigned identity (<c>FlowsStorage__clientId</c>).</summary>
    public string? ClientId { get; init; }

    /// <summary>False when neither a connection string nor a blob endpoint is set: the app then stores locally.</summary>
    public bool IsConfigured => ConnectionString is not null || BlobServiceUri is not null;

    public static FlowsStorageConnection From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Name);
        return new FlowsStorageConnection
        {
            ConnectionString = section.Value is { Length: > 0 } text ? text : null,
            BlobServiceUri = Uri(section["blobServiceUri"]),
            QueueServiceUri = Uri(section["queueServiceUri"]),
            TableServiceUri = Uri(section["tableServiceUri"]),
            ClientId = section["clientId"] is { Length: > 0 } id ? id : null,
        };
    }

    /// <summary>Clients use <see cref="StorageClientDefaults"/>: an unreachable account fails fast (503) instead of hanging a request.</summary>
    public BlobServiceClient CreateBlobServiceClient() => ConnectionString is not null
        ? new BlobServiceClient(ConnectionString, StorageClientDefaults.Blob())
        : new BlobServiceClient(Require(BlobServiceUri, "blobServiceUri"), Credential(), StorageClientDefaults.Blob());

    public QueueServiceClient CreateQueueServiceClient() => ConnectionString is not null
        ? new QueueServiceClient(ConnectionString, StorageClientDefaults.Queue())
        : new QueueServiceClient(Require(QueueServiceUri, "queueServiceUri"), Credential(), StorageClientDefaults.Queue());

    public TableServiceClient CreateTableServiceClient() => ConnectionString is not null
        ? new TableServiceClient(ConnectionString, StorageClientDefaults.Table())
        : new TableServiceClient(Require(TableServiceUri, "tableServiceUri"), Credential(), StorageClientDefaults.Table());

    /// <summary>The app's identity: the user-assigned one named by <see cref="ClientId"/> in Azure, the developer's locally.</summary>
    public TokenCredential Credential() => new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = ClientId });

    private static Uri? Uri(string? text) => text is { Length: > 0 } ? new Uri(text, UriKind.Absolute) : null;

    private static Uri Require(Uri? uri, string setting) =>
        uri ?? throw new InvalidOperationException($"Set {Name}__{setting} (or {Name} as a connection string).");
}

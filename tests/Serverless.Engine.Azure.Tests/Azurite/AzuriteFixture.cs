using System.Globalization;
using System.Security.Cryptography;
using Azure.Storage.Blobs;

namespace Serverless.Engine.Azure.Tests.Azurite;

/// <summary>
/// A real Azurite for tests. Uses one that already answers (<c>AZURITE_BLOB_ENDPOINT</c>, or Azurite on
/// 127.0.0.1:10000); otherwise starts <c>node_modules/.bin/azurite</c> from the repository root on free
/// ports, in memory, and stops it (process tree included) when the test run ends.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Azurite's well-known development account key (public, documented by Microsoft).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public const string AccountName = "devstoreaccount1";

    private AzuriteProcess? _process;

    /// <summary>Connection string with explicit blob, queue and table endpoints of the Azurite in use.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Blob endpoint including the account, e.g. <c>http://127.0.0.1:10000/devstoreaccount1</c>.</summary>
    public Uri BlobEndpoint { get; private set; } = null!;

    /// <summary>True when this fixture started Azurite itself (false when it reused a running one).</summary>
    public bool StartedHere => _process is not null;

    /// <summary>A container prefix no other test uses, so tests never see each other's data.</summary>
    public static string NewContainerPrefix() =>
        "t" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5)) + "-";

    public BlobServiceClient CreateBlobServiceClient() => new(ConnectionString);

    public async Task InitializeAsync()
    {
        var endpoints = await AzuriteEndpoints.FindRunningAsync();
        if (endpoints is null)
        {
            _process = await AzuriteProcess.StartAsync(RepositoryRoot.Path);
            endpoints = _process.Endpoints;
        }

        BlobEndpoint = endpoints.Blob;
        ConnectionString = string.Create(
            CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={endpoints.Blob};QueueEndpoint={endpoints.Queue};TableEndpoint={endpoints.Table};");
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}

namespace Serverless.Engine.Azure.Tests.Azurite;

/// <summary>The three service endpoints of one Azurite (each including the account path).</summary>
public sealed record AzuriteEndpoints(Uri Blob, Uri Queue, Uri Table)
{
    public static AzuriteEndpoints ForPorts(int blob, int queue, int table) =>
        new(Endpoint(blob), Endpoint(queue), Endpoint(table));

    /// <summary>
    /// An Azurite that is already running: the endpoints named by <c>AZURITE_BLOB_ENDPOINT</c> (and
    /// optionally <c>AZURITE_QUEUE_ENDPOINT</c>, <c>AZURITE_TABLE_ENDPOINT</c>), or the default ports when
    /// an Azurite answers there; <see langword="null"/> when none answers.
    /// </summary>
    public static async Task<AzuriteEndpoints?> FindRunningAsync()
    {
        if (Environment.GetEnvironmentVariable("AZURITE_BLOB_ENDPOINT") is { Length: > 0 } blob)
        {
            var blobUri = new Uri(blob);
            if (!await AnswersAsync(blobUri, requireAzurite: false))
            {
                throw new InvalidOperationException($"AZURITE_BLOB_ENDPOINT is set to '{blob}' but nothing answers there.");
            }

            return new AzuriteEndpoints(
                blobUri,
                FromEnvironment("AZURITE_QUEUE_ENDPOINT", blobUri, 1),
                FromEnvironment("AZURITE_TABLE_ENDPOINT", blobUri, 2));
        }

        var defaults = ForPorts(10000, 10001, 10002);
        return await AnswersAsync(defaults.Blob, requireAzurite: true) ? defaults : null;
    }

    /// <summary>True when an HTTP server answers at the endpoint (any status: Azurite answers 403 without credentials).</summary>
    public static async Task<bool> AnswersAsync(Uri blobEndpoint, bool requireAzurite)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            using var response = await http.GetAsync(new Uri(blobEndpoint, "?comp=list"));
            return !requireAzurite || response.Headers.Server.ToString().Contains("Azurite", StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static Uri Endpoint(int port) => new($"http://127.0.0.1:{port}/{AzuriteFixture.AccountName}");

    private static Uri FromEnvironment(string name, Uri blob, int portOffset) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? new Uri(value)
            : new UriBuilder(blob) { Port = blob.Port + portOffset }.Uri;
}

using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Serverless.Engine.Storage;

namespace Serverless.Engine.Azure.Storage;

/// <summary>
/// One container of the blob layout: created on first use (once per process, retried after a failure),
/// with the error translation every blob store shares.
/// </summary>
internal sealed class BlobContainer
{
    private readonly BlobContainerClient _client;
    private Task? _created;

    public BlobContainer(BlobServiceClient service, string containerPrefix, string kind)
    {
        ArgumentNullException.ThrowIfNull(service);
        StorageLayout.ValidatePrefix(containerPrefix);
        _client = service.GetBlobContainerClient(StorageLayout.Container(containerPrefix, kind));
    }

    public string Name => _client.Name;

    /// <summary>The container client, after making sure the container exists.</summary>
    public async Task<BlobContainerClient> ReadyAsync(CancellationToken ct)
    {
        var created = _created ??= _client.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
        try
        {
            await created.WaitAsync(ct);
        }
        catch (Exception ex) when (ex is RequestFailedException or AuthenticationFailedException)
        {
            _ = Interlocked.CompareExchange(ref _created, null, created);
            throw Wrap(ex, "create container", _client.Name);
        }

        return _client;
    }

    public async Task<BlobClient> BlobAsync(string name, CancellationToken ct) => (await ReadyAsync(ct)).GetBlobClient(name);

    /// <summary>Every blob whose name starts with <paramref name="prefix"/>, in name order.</summary>
    public async Task<List<BlobItem>> ListAsync(string prefix, BlobTraits traits, CancellationToken ct)
    {
        var container = await ReadyAsync(ct);
        return await RunAsync(
            async () =>
            {
                var items = new List<BlobItem>();
                await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix, Traits = traits }, ct))
                {
                    items.Add(item);
                }

                return items;
            },
            "list",
            prefix + "*");
    }

    /// <summary>Runs a blob call, turning SDK and credential failures into <see cref="StorageException"/>s.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> operation, string action, string name)
    {
        try
        {
            return await operation();
        }
        catch (Exception ex) when (ex is RequestFailedException or AuthenticationFailedException)
        {
            throw Wrap(ex, action, name);
        }
    }

    public static bool IsNotFound(RequestFailedException ex) => ex.Status == 404;

    /// <summary>A create-only write lost: the blob exists (409) or the condition failed (412).</summary>
    public static bool IsAlreadyExists(RequestFailedException ex) => ex.Status is 409 or 412;

    private StorageException Wrap(Exception ex, string action, string name)
    {
        var detail = ex switch
        {
            RequestFailedException failed => $"{failed.ErrorCode ?? "error"} (HTTP {failed.Status})",
            _ => "no usable Azure credential (see the inner exception)",
        };
        return new StorageException(StorageErrorKind.Failed, $"Blob storage could not {action} '{_client.Name}/{name}': {detail}.", ex);
    }
}

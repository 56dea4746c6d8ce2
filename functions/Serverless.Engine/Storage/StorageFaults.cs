using System.Net.Sockets;

namespace Serverless.Engine.Storage;

/// <summary>
/// Tells a storage outage (the account unreachable, overloaded or timing out: worth retrying later) from
/// every other failure, whatever layer threw it: the network stack, a <see cref="StorageException"/>
/// wrapping it, or the <see cref="AggregateException"/> a retry policy throws after its last try. A storage
/// SDK's own exception types are recognised by a subclass the adapter registers in its place (the Azure
/// adapters' <c>AzureStorageFaults</c> knows <c>RequestFailedException</c>), so the engine needs no SDK.
/// </summary>
/// <remarks>
/// Hosts answer such failures with 503 and a retry hint, and durable activities retry them; a 403 or a bad
/// request is not an outage (retrying cannot help) and keeps its own handling.
/// </remarks>
public class StorageFaults
{
    /// <summary>The classification that needs no SDK: network failures and timeouts only.</summary>
    public static StorageFaults Network { get; } = new();

    /// <summary>True when <paramref name="exception"/> (or one it wraps) means storage cannot be reached right now.</summary>
    public bool IsUnavailable(Exception? exception) => Cause(exception) is not null;

    /// <summary>
    /// A short, single-line reason for an outage (e.g. <c>Connection refused (127.0.0.1:10000)</c>), without
    /// stack traces, retry-policy boilerplate, connection strings or keys; null when it is not an outage.
    /// </summary>
    public string? Describe(Exception? exception)
    {
        var cause = Cause(exception);
        if (cause is null)
        {
            return null;
        }

        var text = DescribeCause(cause) ?? cause switch
        {
            TimeoutException or OperationCanceledException => "the storage request timed out",
            _ => cause.Message,
        };
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 200 ? line[..200] + "…" : line;
    }

    /// <summary>
    /// An SDK's own exception: <see langword="true"/> when this classification knows <paramref name="exception"/>'s
    /// type, with <paramref name="cause"/> the exception that shows an outage (or null: not an outage).
    /// </summary>
    protected virtual bool TryClassify(Exception exception, int depth, out Exception? cause)
    {
        cause = null;
        return false;
    }

    /// <summary>The reason text for a cause <see cref="TryClassify"/> returned; null for the default text.</summary>
    protected virtual string? DescribeCause(Exception cause) => null;

    /// <summary>The innermost exception that shows an outage, or null.</summary>
    protected Exception? Cause(Exception? exception, int depth = 0)
    {
        if (exception is null || depth > 8)
        {
            return null;
        }

        if (TryClassify(exception, depth, out var known))
        {
            return known;
        }

        switch (exception)
        {
            case AggregateException aggregate:
                return aggregate.InnerExceptions.Select(e => Cause(e, depth + 1)).FirstOrDefault(e => e is not null);
            case SocketException or HttpRequestException or TimeoutException:
                return Cause(exception.InnerException, depth + 1) ?? exception;
            case IOException when exception.InnerException is SocketException:
                return exception.InnerException;
            case OperationCanceledException:
                // An SDK's per-try network timeout surfaces as a cancellation nobody asked for.
                return exception.InnerException is TimeoutException ? exception : Cause(exception.InnerException, depth + 1);
            default:
                return Cause(exception.InnerException, depth + 1);
        }
    }
}

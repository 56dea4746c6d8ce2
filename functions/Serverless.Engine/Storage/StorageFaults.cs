using System.Net.Sockets;
using Azure;

namespace Serverless.Engine.Storage;

/// <summary>
/// Tells a storage outage (the account unreachable, overloaded or timing out: worth retrying later) from
/// every other failure, whatever layer threw it: the Azure SDK (<see cref="RequestFailedException"/> with
/// status 0, 408, 429 or 5xx, or the <see cref="AggregateException"/> its retry policy throws after the last
/// try), the network stack, or a <see cref="StorageException"/> wrapping either.
/// </summary>
/// <remarks>
/// Hosts answer such failures with 503 and a retry hint, and durable activities retry them; a 403 or a bad
/// request is not an outage (retrying cannot help) and keeps its own handling.
/// </remarks>
public static class StorageFaults
{
    /// <summary>True when <paramref name="exception"/> (or one it wraps) means storage cannot be reached right now.</summary>
    public static bool IsUnavailable(Exception? exception) => Cause(exception) is not null;

    /// <summary>
    /// A short, single-line reason for an outage (e.g. <c>Connection refused (127.0.0.1:10000)</c>), without
    /// stack traces, retry-policy boilerplate, connection strings or keys; null when it is not an outage.
    /// </summary>
    public static string? Describe(Exception? exception)
    {
        var cause = Cause(exception);
        if (cause is null)
        {
            return null;
        }

        var text = cause switch
        {
            RequestFailedException { Status: > 0 } failed => $"HTTP {failed.Status} {failed.ErrorCode}".TrimEnd(),
            TimeoutException or OperationCanceledException => "the storage request timed out",
            _ => cause.Message,
        };
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 200 ? line[..200] + "…" : line;
    }

    /// <summary>The innermost exception that shows an outage, or null.</summary>
    private static Exception? Cause(Exception? exception, int depth = 0)
    {
        if (exception is null || depth > 8)
        {
            return null;
        }

        switch (exception)
        {
            case AggregateException aggregate:
                return aggregate.InnerExceptions.Select(e => Cause(e, depth + 1)).FirstOrDefault(e => e is not null);
            case RequestFailedException { Status: 0 } failed:
                return Cause(failed.InnerException, depth + 1) ?? failed;
            case RequestFailedException failed:
                return failed.Status is 408 or 429 or >= 500 ? failed : null;
            case SocketException or HttpRequestException or TimeoutException:
                return Cause(exception.InnerException, depth + 1) ?? exception;
            case IOException when exception.InnerException is SocketException:
                return exception.InnerException;
            case OperationCanceledException:
                // The SDK's per-try network timeout surfaces as a cancellation nobody asked for.
                return exception.InnerException is TimeoutException ? exception : Cause(exception.InnerException, depth + 1);
            default:
                return Cause(exception.InnerException, depth + 1);
        }
    }
}

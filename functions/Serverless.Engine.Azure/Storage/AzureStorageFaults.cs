using Azure;
using Serverless.Engine.Storage;

namespace Serverless.Engine.Azure.Storage;

/// <summary>
/// <see cref="StorageFaults"/> that also knows the Azure SDK's <see cref="RequestFailedException"/>: status 0
/// (no response: the network failed underneath) and 408, 429 or 5xx are outages; any other status (403, 404,
/// 409…) is a real answer that retrying cannot change. <c>AddFlowsAzure</c> registers it in place of
/// <see cref="StorageFaults.Network"/>.
/// </summary>
public sealed class AzureStorageFaults : StorageFaults
{
    public static AzureStorageFaults Instance { get; } = new();

    protected override bool TryClassify(Exception exception, int depth, out Exception? cause)
    {
        cause = exception switch
        {
            RequestFailedException { Status: 0 } failed => Cause(failed.InnerException, depth + 1) ?? failed,
            RequestFailedException failed => failed.Status is 408 or 429 or >= 500 ? failed : null,
            _ => null,
        };
        return exception is RequestFailedException;
    }

    protected override string? DescribeCause(Exception cause) =>
        cause is RequestFailedException { Status: > 0 } failed ? $"HTTP {failed.Status} {failed.ErrorCode}".TrimEnd() : null;
}

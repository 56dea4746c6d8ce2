using Microsoft.DurableTask;

namespace Serverless.Engine.Orchestration;

/// <summary>
/// Durable retries for the activities that only write to storage (recording an execution's end, archiving
/// task runs): a storage outage must not lose the record of an execution that itself ran fine (the memory
/// backend keeps running while the account is unreachable). Attempts back off from 1 s to 15 s and give
/// up after 20 attempts, about five minutes including the storage client's own retries.
/// </summary>
/// <remarks>
/// Retries are durable timers, so they survive a restart on the durable backend. The retried activities are
/// idempotent (they overwrite, and execution listeners must be idempotent).
/// </remarks>
internal static class StorageRetry
{
    public static TaskOptions Options { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 20,
        firstRetryInterval: TimeSpan.FromSeconds(1),
        backoffCoefficient: 1.5,
        maxRetryInterval: TimeSpan.FromSeconds(15)));
}

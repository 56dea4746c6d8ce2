using Grpc.Core;
using P = Microsoft.DurableTask.Protobuf;

namespace Serverless.Durable.Embedded;

/// <summary>The worker's side of the protocol: the work-item stream and the completions coming back.</summary>
internal sealed partial class SidecarService
{
    /// <summary>A ping after this much silence keeps the worker from treating the stream as dead.</summary>
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(20);

    private static readonly WriteOptions Buffered = new(WriteFlags.BufferHint);

    /// <summary>
    /// Streams work items to the worker as they are queued. Items already waiting are written without a flush
    /// and flushed with the last one, so a wide fan-out costs a few socket writes, not one per activity.
    /// </summary>
    public override async Task GetWorkItems(
        P.GetWorkItemsRequest request, IServerStreamWriter<P.WorkItem> responseStream, ServerCallContext context)
    {
        CancellationToken cancellation = context.CancellationToken;
        try
        {
            while (!cancellation.IsCancellationRequested)
            {
                if (!store.Work.TryRead(out P.WorkItem? item))
                {
                    if (!await WaitForWorkAsync(cancellation))
                    {
                        await responseStream.WriteAsync(new P.WorkItem { HealthPing = new P.HealthPing() }, cancellation);
                    }

                    continue;
                }

                responseStream.WriteOptions = store.Work.Count > 0 ? Buffered : null;
                try
                {
                    await responseStream.WriteAsync(item, cancellation);
                }
                catch
                {
                    store.Requeue(item); // the worker is gone; the next connection gets it
                    throw;
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The worker disconnected or the host is stopping.
        }
    }

    public override Task<P.CompleteTaskResponse> CompleteOrchestratorTask(P.OrchestratorResponse request, ServerCallContext context)
    {
        store.CompleteEpisode(request);
        return Task.FromResult(new P.CompleteTaskResponse());
    }

    public override Task<P.CompleteTaskResponse> CompleteActivityTask(P.ActivityResponse request, ServerCallContext context)
    {
        store.CompleteActivity(request);
        return Task.FromResult(new P.CompleteTaskResponse());
    }

    public override Task<P.AbandonOrchestrationTaskResponse> AbandonTaskOrchestratorWorkItem(
        P.AbandonOrchestrationTaskRequest request, ServerCallContext context)
    {
        store.AbandonEpisode(request.CompletionToken);
        return Task.FromResult(new P.AbandonOrchestrationTaskResponse());
    }

    public override Task<P.AbandonActivityTaskResponse> AbandonTaskActivityWorkItem(
        P.AbandonActivityTaskRequest request, ServerCallContext context)
    {
        store.AbandonActivity(request.CompletionToken);
        return Task.FromResult(new P.AbandonActivityTaskResponse());
    }

    /// <summary>True when work arrived; false after <see cref="PingInterval"/> of silence.</summary>
    private async Task<bool> WaitForWorkAsync(CancellationToken cancellation)
    {
        try
        {
            return await store.Work.WaitToReadAsync(cancellation).AsTask().WaitAsync(PingInterval, cancellation);
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}

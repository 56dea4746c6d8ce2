using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using P = Microsoft.DurableTask.Protobuf;

namespace Serverless.Durable.Embedded;

/// <summary>
/// The Durable Task sidecar protocol served in process over the <see cref="InstanceStore"/>: what the real
/// <c>Microsoft.DurableTask</c> gRPC client and worker talk to instead of a remote scheduler.
/// </summary>
/// <remarks>Entities, rewind, restart and instance-id listing are not supported (the engine does not use them).</remarks>
internal sealed partial class SidecarService(InstanceStore store) : P.TaskHubSidecarService.TaskHubSidecarServiceBase
{
    private static readonly Task<Empty> EmptyReply = Task.FromResult(new Empty());

    public override Task<Empty> Hello(Empty request, ServerCallContext context) => EmptyReply;

    public override Task<P.CreateInstanceResponse> StartInstance(P.CreateInstanceRequest request, ServerCallContext context)
    {
        try
        {
            return Task.FromResult(new P.CreateInstanceResponse { InstanceId = store.Start(request) });
        }
        catch (InvalidOperationException e)
        {
            // The client turns AlreadyExists into OrchestrationAlreadyExistsException.
            throw new RpcException(new Status(StatusCode.AlreadyExists, e.Message));
        }
    }

    public override Task<P.RaiseEventResponse> RaiseEvent(P.RaiseEventRequest request, ServerCallContext context)
    {
        store.RaiseEvent(request.InstanceId, request.Name, request.Input);
        return Task.FromResult(new P.RaiseEventResponse());
    }

    public override Task<P.TerminateResponse> TerminateInstance(P.TerminateRequest request, ServerCallContext context)
    {
        store.Terminate(request.InstanceId, request.Output);
        return Task.FromResult(new P.TerminateResponse());
    }

    public override Task<P.SuspendResponse> SuspendInstance(P.SuspendRequest request, ServerCallContext context)
    {
        store.Suspend(request.InstanceId, request.Reason);
        return Task.FromResult(new P.SuspendResponse());
    }

    public override Task<P.ResumeResponse> ResumeInstance(P.ResumeRequest request, ServerCallContext context)
    {
        store.Resume(request.InstanceId, request.Reason);
        return Task.FromResult(new P.ResumeResponse());
    }

    public override Task<P.GetInstanceResponse> GetInstance(P.GetInstanceRequest request, ServerCallContext context) =>
        Task.FromResult(Reply(store.Get(request.InstanceId, request.GetInputsAndOutputs)));

    public override Task<P.GetInstanceResponse> WaitForInstanceStart(P.GetInstanceRequest request, ServerCallContext context) =>
        WaitAsync(request, completion: false, context);

    public override Task<P.GetInstanceResponse> WaitForInstanceCompletion(P.GetInstanceRequest request, ServerCallContext context) =>
        WaitAsync(request, completion: true, context);

    public override Task<P.QueryInstancesResponse> QueryInstances(P.QueryInstancesRequest request, ServerCallContext context) =>
        Task.FromResult(store.Query(request.Query));

    public override Task<P.PurgeInstancesResponse> PurgeInstances(P.PurgeInstancesRequest request, ServerCallContext context) =>
        Task.FromResult(new P.PurgeInstancesResponse { DeletedInstanceCount = store.Purge(request), IsComplete = true });

    public override async Task StreamInstanceHistory(
        P.StreamInstanceHistoryRequest request, IServerStreamWriter<P.HistoryChunk> responseStream, ServerCallContext context)
    {
        IReadOnlyList<P.HistoryEvent> history = store.GetHistory(request.InstanceId)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"No orchestration instance '{request.InstanceId}' exists."));
        foreach (P.HistoryEvent[] chunk in history.Chunk(1000))
        {
            var message = new P.HistoryChunk();
            message.Events.AddRange(chunk);
            await responseStream.WriteAsync(message, context.CancellationToken);
        }
    }

    public override Task<P.CreateTaskHubResponse> CreateTaskHub(P.CreateTaskHubRequest request, ServerCallContext context) =>
        Task.FromResult(new P.CreateTaskHubResponse());

    private async Task<P.GetInstanceResponse> WaitAsync(P.GetInstanceRequest request, bool completion, ServerCallContext context)
    {
        P.OrchestrationState state = await store.WaitAsync(request.InstanceId, completion, request.GetInputsAndOutputs, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"No orchestration instance '{request.InstanceId}' exists."));
        return Reply(state);
    }

    private static P.GetInstanceResponse Reply(P.OrchestrationState? state) =>
        state is null ? new P.GetInstanceResponse { Exists = false } : new P.GetInstanceResponse { Exists = true, OrchestrationState = state };
}

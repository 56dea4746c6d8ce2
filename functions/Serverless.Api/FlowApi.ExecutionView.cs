using Serverless.Engine.Executions;
using Serverless.Engine.Storage;

namespace Serverless.Api;

/// <summary>
/// How the API reads one execution: the Durable instance's final output when it has finished, the stored
/// record when the instance is gone (purged, or another host's), and otherwise the record merged with the
/// instance's live state and task runs.
/// </summary>
public sealed partial class FlowApi
{
    private async Task<Execution?> ReadExecutionAsync(string executionId, ExecutionClient executions, CancellationToken ct)
    {
        StoragePaths.ValidateId(executionId, "execution id");
        var record = await _records.GetAsync(executionId, ct);
        var live = await LiveExecutions.ReadAsync(executions.Durable, executionId, ct);
        if (live is null)
        {
            return record;
        }

        if (live.Namespace.Length > 0)
        {
            return live;
        }

        if (record is null)
        {
            return live;
        }

        if (record.State.Current.IsTerminated())
        {
            return record;
        }

        return record with
        {
            State = live.State.Current == State.CREATED ? record.State : record.State.To(live.State.Current, live.State.Histories[^1].Date),
            TaskRunList = [.. live.TaskRunList.Select(t => t with { Namespace = record.Namespace, FlowId = record.FlowId })],
            Error = live.Error ?? record.Error,
        };
    }

    private async Task<Execution> RequireExecutionAsync(ApiRequest request, ExecutionClient executions, CancellationToken ct)
    {
        var id = request.RouteValue("executionId");
        return await ReadExecutionAsync(id, executions, ct) ?? throw ApiException.NotFound($"Execution '{id}' was not found.");
    }

    /// <summary>Waits for the end (up to <see cref="ApiOptions.WaitTimeout"/>) and returns the execution as it then stands.</summary>
    private async Task<Execution> WaitForAsync(ExecutionClient executions, string executionId, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.WaitTimeout);
        try
        {
            await executions.Durable.WaitForInstanceCompletionAsync(executionId, getInputsAndOutputs: false, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Waited long enough: answer with the running execution.
        }

        return await ReadExecutionAsync(executionId, executions, ct)
            ?? throw ApiException.NotFound($"Execution '{executionId}' was not found.");
    }
}

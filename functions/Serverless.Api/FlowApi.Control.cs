using Serverless.Engine.Executions;
using Serverless.Engine.Flows;
using Serverless.Engine.Storage;
using Serverless.Engine.Triggers;

namespace Serverless.Api;

/// <summary>Changing running executions: kill, resume, restart; and downloading an execution's files.</summary>
public sealed partial class FlowApi
{
    private async Task<ApiResponse> KillExecutionAsync(ApiRequest request, ExecutionClient executions, CancellationToken ct)
    {
        var execution = await RequireExecutionAsync(request, executions, ct);
        if (execution.State.Current.IsTerminated())
        {
            throw ApiException.Conflict($"Execution '{execution.Id}' already ended ({execution.State.Current}); there is nothing to kill.");
        }

        // A QUEUED execution has no orchestration yet: leave the queue first (through the listeners below), then
        // terminate it in case a freed slot promoted it meanwhile.
        var queued = execution.State.Current == State.QUEUED;
        if (!queued)
        {
            await executions.KillAsync(execution.Id, ct);
        }

        // A terminated orchestration never reaches its ExecutionEnded activity: record the kill here, then tell
        // the listeners what that activity would have (free the concurrency slot, fire Flow triggers…).
        var killed = execution with { State = execution.State.To(State.KILLED, _clock.GetUtcNow()) };
        await _records.SaveAsync(killed, ct);
        foreach (var listener in _listeners)
        {
            await listener.OnEndedAsync(killed, ct);
        }

        if (queued && await DurableStarts.ExistsAsync(executions.Durable, execution.Id, ct))
        {
            await executions.KillAsync(execution.Id, ct);
        }

        return ApiResponse.Json(killed, 202);
    }

    private async Task<ApiResponse> ResumeExecutionAsync(ApiRequest request, ExecutionClient executions, CancellationToken ct)
    {
        var execution = await RequireExecutionAsync(request, executions, ct);
        if (execution.State.Current != State.PAUSED)
        {
            throw ApiException.Conflict($"Execution '{execution.Id}' is {execution.State.Current}; only a PAUSED execution can be resumed.");
        }

        var inputs = request.IsForm
            ? FormFields(await ReadFormAsync(request, ct))
            : await ApiBodies.ReadJsonObjectAsync(request, _options.MaxJsonBytes, ct);
        // Aim the resume at the pause seen here: concurrent calls each raise an event, and an untargeted
        // duplicate would stay queued and resume the flow's next Pause too (found by the reliability tests).
        var paused = execution.TaskRunList.Where(t => t.State.Current == State.PAUSED).Select(t => t.Id).ToList();
        var taskRunId = paused is { Count: 1 } ? paused[0] : null;
        await executions.ResumeAsync(execution.Id, inputs.Count == 0 ? null : inputs, taskRunId, ct);
        return ApiResponse.NoContent();
    }

    /// <summary>
    /// Runs a FAILED or KILLED execution again as a new execution of the same flow revision with the same
    /// inputs and labels (plus <c>system.restartedFrom</c>). Task outputs of the first run are not reused.
    /// </summary>
    private async Task<ApiResponse> RestartExecutionAsync(ApiRequest request, ExecutionClient executions, CancellationToken ct)
    {
        var execution = await RequireExecutionAsync(request, executions, ct);
        if (execution.State.Current is not (State.FAILED or State.KILLED))
        {
            throw ApiException.Conflict($"Execution '{execution.Id}' is {execution.State.Current}; only FAILED or KILLED executions can be restarted.");
        }

        var stored = await _flows.GetAsync(execution.Namespace, execution.FlowId, execution.FlowRevision, ct)
            ?? throw ApiException.NotFound($"Revision {execution.FlowRevision} of flow '{execution.Namespace}.{execution.FlowId}' no longer exists.");
        var flow = ParseOrThrow(stored.Source) with { Revision = stored.Revision };
        var options = new StartOptions
        {
            Labels = [.. execution.Labels.Where(l => l.Key != RestartedFromLabel), new Label(RestartedFromLabel, execution.Id)],
            Trigger = execution.Trigger,
        };
        var restarted = await _launcher.StartAsync(executions, flow, execution.Inputs ?? new Dictionary<string, object?>(), options, ct);
        return ApiResponse.Json(restarted);
    }

    private async Task<ApiResponse> ExecutionFileAsync(ApiRequest request, ExecutionClient executions, CancellationToken ct)
    {
        var path = request.QueryValue("path") ?? throw ApiException.BadRequest("path is required: a kestra:/// URI of the execution.");
        if (!Uri.TryCreate(path, UriKind.Absolute, out var uri))
        {
            throw ApiException.BadRequest($"path '{path}' is not a kestra:/// URI.");
        }

        var relative = KestraUris.ToPath(uri);
        var execution = await RequireExecutionAsync(request, executions, ct);
        if (!relative.StartsWith(StoragePaths.NamespaceToPath(execution.Namespace) + "/", StringComparison.Ordinal))
        {
            throw new ApiException(403, $"'{path}' is outside namespace '{execution.Namespace}' of execution '{execution.Id}'.");
        }

        var content = await _storage.OpenReadAsync(uri, ct);
        return ApiResponse.File(content, relative[(relative.LastIndexOf('/') + 1)..]);
    }

    /// <summary>Label set on a restarted execution, naming the one it restarts.</summary>
    public const string RestartedFromLabel = "system.restartedFrom";
}

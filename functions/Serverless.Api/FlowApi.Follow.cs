using System.Text.Json;
using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Logs;
using Serverless.Engine.Storage;

namespace Serverless.Api;

/// <summary>Server-sent event streams that follow an execution or its logs until it ends, and log reads.</summary>
public sealed partial class FlowApi
{
    private async Task<ApiResponse> FollowExecutionAsync(ApiRequest request, ExecutionClient executions, CancellationToken ct)
    {
        var first = await RequireExecutionAsync(request, executions, ct);
        return ApiResponse.Events(async (events, streamCt) =>
        {
            var execution = first;
            var sent = "";
            while (true)
            {
                var json = JsonSerializer.Serialize(execution, WireJson.Options);
                if (json != sent)
                {
                    await events.SendAsync("execution", execution, streamCt);
                    sent = json;
                }

                if (execution.State.Current.IsTerminated())
                {
                    return;
                }

                await Task.Delay(_options.FollowInterval, _clock, streamCt);
                execution = await ReadExecutionAsync(execution.Id, executions, streamCt) ?? execution;
            }
        });
    }

    private async Task<ApiResponse> GetLogsAsync(ApiRequest request, CancellationToken ct)
    {
        var id = request.RouteValue("executionId");
        StoragePaths.ValidateId(id, "execution id");
        var minLevel = MinLevel(request);
        var (taskId, taskRunId) = (request.QueryValue("taskId"), request.QueryValue("taskRunId"));
        var lines = await _logs.ReadAsync(id, ct: ct);
        return ApiResponse.Json(lines
            .Select(l => l.Entry)
            .Where(e => LogLevels.Passes(e.Level, minLevel) && (taskId is null || e.TaskId == taskId) && (taskRunId is null || e.TaskRunId == taskRunId))
            .ToList());
    }

    private async Task<ApiResponse> FollowLogsAsync(ApiRequest request, ExecutionClient executions, CancellationToken ct)
    {
        var minLevel = MinLevel(request);
        var first = await RequireExecutionAsync(request, executions, ct);
        return ApiResponse.Events(async (events, streamCt) =>
        {
            string? cursor = null;
            var ended = first.State.Current.IsTerminated();
            while (true)
            {
                foreach (var line in await _logs.ReadAsync(first.Id, cursor, streamCt))
                {
                    cursor = line.Cursor;
                    if (LogLevels.Passes(line.Entry.Level, minLevel))
                    {
                        await events.SendAsync("log", line.Entry, streamCt);
                    }
                }

                // The end is recorded after the logs are flushed, so one more read after it sees every line.
                if (ended)
                {
                    return;
                }

                await Task.Delay(_options.FollowInterval, _clock, streamCt);
                ended = (await ReadExecutionAsync(first.Id, executions, streamCt))?.State.Current.IsTerminated() ?? true;
            }
        });
    }

    private static string? MinLevel(ApiRequest request) => request.QueryValue("minLevel") is { } level
        ? LogLevels.Normalize(level) ?? throw ApiException.BadRequest($"minLevel '{level}' is not one of {string.Join(", ", LogLevels.All)}.")
        : null;
}

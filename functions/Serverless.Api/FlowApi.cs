using System.Text.Json;
using Microsoft.Extensions.Logging;
using Serverless.Engine.Activities;
using Serverless.Engine.Concurrency;
using Serverless.Engine.Executions;
using Serverless.Engine.Inputs;
using Serverless.Engine.Parsing;
using Serverless.Engine.Records;
using Serverless.Engine.Scheduling;
using Serverless.Engine.Storage;

namespace Serverless.Api;

/// <summary>
/// The Kestra-compatible <c>/api/v1</c> API, independent of any HTTP framework: hosts turn their request into
/// an <see cref="ApiRequest"/>, call <see cref="HandleAsync"/> with the route's name and an
/// <see cref="ExecutionClient"/> for their Durable client, and write the <see cref="ApiResponse"/> back.
/// </summary>
/// <remarks>
/// Every failure becomes a status with an <see cref="ApiErrorBody"/>: bad input is 400/404/409/413/415/422,
/// never 500; storage outages are 503 with a retry hint (see <see cref="StorageUnavailable"/>). Authentication is the host's job (its keys differ), except the
/// webhook, which checks its own key. Handlers validate everything before writing, so a rejected request
/// changes nothing.
/// </remarks>
public sealed partial class FlowApi
{
    private readonly IFlowStore _flows;
    private readonly INamespaceFileStore _files;
    private readonly IInternalStorage _storage;
    private readonly IKeyValueStore _kv;
    private readonly IExecutionStore _records;
    private readonly IExecutionLogStore _logs;
    private readonly ExecutionLauncher _launcher;
    private readonly FlowParser _parser;
    private readonly TimeProvider _clock;
    private readonly ApiOptions _options;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<IExecutionListener> _listeners;
    private readonly BackfillService? _backfills;
    private readonly StorageFaults _faults;

#pragma warning disable CA1068 // Constructor order follows DI registrations, not the cancellation-token rule.
    public FlowApi(
        StorageStores stores,
        IExecutionStore records,
        IExecutionLogStore logs,
        ILogger<FlowApi> logger,
        ApiOptions? options = null,
        FlowParser? parser = null,
        TimeProvider? clock = null,
        IExecutionAdmission? admission = null,
        IEnumerable<IExecutionListener>? listeners = null,
        BackfillService? backfills = null,
        StorageFaults? faults = null)
#pragma warning restore CA1068
    {
        ArgumentNullException.ThrowIfNull(stores);
        _flows = stores.Flows;
        _files = stores.NamespaceFiles;
        _storage = stores.InternalStorage;
        _kv = stores.KeyValues;
        _records = records;
        _logs = logs;
        _logger = logger;
        _options = options ?? new ApiOptions();
        _parser = parser ?? FlowParser.Default;
        _clock = clock ?? TimeProvider.System;
        _launcher = new ExecutionLauncher(records, _clock, admission);
        _listeners = [.. listeners ?? []];
        _backfills = backfills;
        _faults = faults ?? StorageFaults.Network;
    }

    public ApiOptions Options => _options;

    /// <summary>Runs the handler of route <paramref name="route"/> (a name from <see cref="ApiRoutes"/>).</summary>
    public async Task<ApiResponse> HandleAsync(string route, ApiRequest request, ExecutionClient executions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(executions);
        try
        {
            var response = await DispatchAsync(route, request, executions, ct);
            if (response.Status < 500)
            {
                NoteStorageAnswered(route);
            }

            return response;
        }
        catch (ApiException e)
        {
            return ApiResponse.Error(e.Status, e.Message, e.Details);
        }
        catch (StorageException e)
        {
            return e.Kind switch
            {
                StorageErrorKind.InvalidPath => ApiResponse.Error(400, e.Message),
                StorageErrorKind.NotFound => ApiResponse.Error(404, e.Message),
                StorageErrorKind.AlreadyExists or StorageErrorKind.Conflict => ApiResponse.Error(409, e.Message),
                _ => StorageFailed(route, e),
            };
        }
        catch (InputValidationException e)
        {
            return ApiResponse.Error(422, "Invalid inputs: " + e.Message, [.. e.Errors.Select(i => new ApiErrorDetail("inputs." + i.InputId, i.Message))]);
        }
        catch (JsonException e)
        {
            return ApiResponse.Error(400, "Malformed JSON: " + e.Message);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (_faults.IsUnavailable(e))
        {
            return StorageUnavailable(route, e);
        }
        catch (Exception e)
        {
            Log.HandlerFailed(_logger, route, e);
            return ApiResponse.Error(500, "Internal error; the server log has details.");
        }
    }

    private Task<ApiResponse> DispatchAsync(string route, ApiRequest request, ExecutionClient executions, CancellationToken ct) => route switch
    {
        ApiRoutes.FlowsCreate => CreateFlowAsync(request, ct),
        ApiRoutes.FlowsValidate => ValidateFlowsAsync(request, ct),
        ApiRoutes.FlowsSearch => SearchFlowsAsync(request, ct),
        ApiRoutes.FlowsList => ListFlowsAsync(request, ct),
        ApiRoutes.FlowsGet => GetFlowAsync(request, ct),
        ApiRoutes.FlowsUpdate => UpdateFlowAsync(request, ct),
        ApiRoutes.FlowsDelete => DeleteFlowAsync(request, ct),
        ApiRoutes.FlowsRevisions => FlowRevisionsAsync(request, ct),
        ApiRoutes.ExecutionsStart => StartExecutionAsync(request, executions, ct),
        ApiRoutes.ExecutionsSearch => SearchExecutionsAsync(request, ct),
        ApiRoutes.ExecutionsGet => GetExecutionAsync(request, executions, ct),
        ApiRoutes.ExecutionsKill => KillExecutionAsync(request, executions, ct),
        ApiRoutes.ExecutionsResume => ResumeExecutionAsync(request, executions, ct),
        ApiRoutes.ExecutionsRestart => RestartExecutionAsync(request, executions, ct),
        ApiRoutes.ExecutionsFollow => FollowExecutionAsync(request, executions, ct),
        ApiRoutes.ExecutionsFile => ExecutionFileAsync(request, executions, ct),
        ApiRoutes.LogsGet => GetLogsAsync(request, ct),
        ApiRoutes.LogsFollow => FollowLogsAsync(request, executions, ct),
        ApiRoutes.FilesDirectory => ListFilesAsync(request, ct),
        ApiRoutes.FilesGet => GetFileAsync(request, ct),
        ApiRoutes.FilesUpload => UploadFileAsync(request, ct),
        ApiRoutes.FilesMove => MoveFileAsync(request, ct),
        ApiRoutes.FilesDelete => DeleteFileAsync(request, ct),
        ApiRoutes.KvList => ListKeysAsync(request, ct),
        ApiRoutes.KvGet => GetKeyAsync(request, ct),
        ApiRoutes.KvPut => PutKeyAsync(request, ct),
        ApiRoutes.KvDelete => DeleteKeyAsync(request, ct),
        ApiRoutes.Webhook => WebhookAsync(request, executions, ct),
        ApiRoutes.TriggersBackfill => BackfillAsync(request, ct),
        ApiRoutes.OpenApi => Task.FromResult(ApiResponse.Json(OpenApiDocument.Build())),
        _ => Task.FromResult(ApiResponse.Error(404, $"No API route named '{route}'.")),
    };

    private ApiResponse StorageFailed(string route, StorageException e)
    {
        if (_faults.IsUnavailable(e))
        {
            return StorageUnavailable(route, e);
        }

        Log.StorageFailed(_logger, route, e);
        return ApiResponse.Error(503, "Storage is unavailable: " + e.Message);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "API route {Route} failed")]
        public static partial void HandlerFailed(ILogger logger, string route, Exception exception);

        [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "API route {Route}: storage failed")]
        public static partial void StorageFailed(ILogger logger, string route, Exception exception);

        [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Webhook trigger {TriggerId} of {Namespace}.{FlowId}: condition type {Type} is not supported and was ignored")]
        public static partial void ConditionIgnored(ILogger logger, string triggerId, string @namespace, string flowId, string type);
    }
}

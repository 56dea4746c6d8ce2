using Microsoft.Extensions.Logging;
using Serverless.Engine.Contracts;
using Serverless.Engine.Expressions;
using Serverless.Engine.Logs;
using Serverless.Engine.Secrets;
using Serverless.Engine.Tasks;

namespace Serverless.Engine.Activities;

/// <summary>
/// Runs one attempt of one runnable task: finds its type, renders against the variables the orchestration
/// sent, enforces the timeout, and turns every failure into a FAILED result (failures cross the durable
/// boundary as data). Shared by the embedded host and the Functions app.
/// </summary>
public sealed partial class TaskExecutor
{
    private readonly TaskTypeRegistry _types;
    private readonly IServiceProvider _services;
    private readonly IExecutionLogSink _logs;
    private readonly TimeProvider _clock;
    private readonly IEnumerable<IExpressionFunctionProvider> _functions;
    private readonly ILogger<TaskExecutor> _logger;

    public TaskExecutor(TaskTypeRegistry types, IServiceProvider services, IExecutionLogSink logs, TimeProvider clock,
        IEnumerable<IExpressionFunctionProvider> functions, ILogger<TaskExecutor> logger)
    {
        _types = types;
        _services = services;
        _logs = logs;
        _clock = clock;
        _functions = functions;
        _logger = logger;
    }

    public Task<TaskResult> RunAsync(TaskRequest request, CancellationToken cancellationToken) =>
        RunAsync(request, workingDirectory: null, cancellationToken);

    /// <summary>Runs one attempt; script tasks use <paramref name="workingDirectory"/> when given (a WorkingDirectory's shared folder).</summary>
    internal async Task<TaskResult> RunAsync(TaskRequest request, Tasks.Scripts.ScriptWorkspace? workingDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_types.Find(request.Type) is not RunnableTaskType type)
        {
            return TaskResult.Failed("UnknownTaskType", $"'{request.Type}' is not a runnable task type known to this worker", retryable: false);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (request.Timeout is { } limit && limit > TimeSpan.Zero)
        {
            timeout.CancelAfter(limit);
        }

        var context = new TaskRunContext(request, CreateScope(request), _services, _logs, _clock, timeout.Token) { WorkingDirectory = workingDirectory };
        try
        {
            var result = await type.RunAsync(context);
            return context.MaskResult(context.ErrorLines.Count == 0 ? result : result with { ErrorLogs = context.ErrorLines });
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Failed(context, "Timeout", $"the task exceeded its timeout of {Parsing.Durations.Format(request.Timeout!.Value)}");
        }
        catch (ExpressionException e)
        {
            return Failed(context, nameof(ExpressionException), e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.TaskFailed(_logger, request.TaskId, request.ExecutionId, e.GetType().Name);
            return Failed(context, e.GetType().Name, e.Message);
        }
    }

    private static TaskResult Failed(TaskRunContext context, string type, string message)
    {
        context.Log("ERROR", message);
        return context.MaskResult(TaskResult.Failed(type, message) with { ErrorLogs = context.ErrorLines });
    }

    private ExpressionScope CreateScope(TaskRequest request)
    {
        var functions = new Dictionary<string, ExpressionFunction>(StringComparer.Ordinal);
        foreach (var provider in _functions)
        {
            foreach (var (name, function) in provider.Functions(request))
            {
                functions[name] = function;
            }
        }

        if (request.Variables?.GetValueOrDefault("errorLogs") is { } errorLogs)
        {
            functions["errorLogs"] = (_, _) => errorLogs;
        }

        return new ExpressionScope(request.Variables ?? new Dictionary<string, object?>())
        {
            Now = request.Now,
            Functions = functions,
        };
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Task {TaskId} of execution {ExecutionId} failed with {ErrorType}")]
        public static partial void TaskFailed(ILogger logger, string taskId, string executionId, string errorType);
    }
}

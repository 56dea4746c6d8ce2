using Serverless.Engine.Contracts;
using Serverless.Engine.Secrets;
using Serverless.Engine.Tasks;
using Serverless.Engine.Tasks.Scripts;

namespace Serverless.Engine.Activities;

/// <summary>
/// Task groups (<c>WorkingDirectory</c>): the children run one after the other in one folder on this worker,
/// so files one writes are there for the next. The folder only exists here, which is why the whole group is
/// one activity: its children cannot be spread over activities that may land on different workers.
/// </summary>
public sealed partial class TaskExecutor
{
    /// <summary>The type name a group's own log lines and files are recorded under.</summary>
    internal const string GroupType = "io.kestra.plugin.core.flow.WorkingDirectory";

    /// <summary>
    /// Runs the group: the WorkingDirectory's namespace and input files first, then each child in order (its
    /// retries included) until one fails without allowFailure, then the <c>outputFiles</c> upload.
    /// </summary>
    /// <remarks>At least once: a crash runs the whole group again, from its first child, in a fresh folder.</remarks>
    public async Task<TaskGroupResult> RunGroupAsync(TaskGroupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (request.Timeout is { } limit && limit > TimeSpan.Zero)
        {
            timeout.CancelAfter(limit);
        }

        var self = GroupTaskRequest(request);
        var context = new TaskRunContext(self, CreateScope(self), _services, _logs, _clock, timeout.Token);
        var results = new List<TaskGroupChildResult>();
        using var workspace = ScriptWorkspace.Create();
        try
        {
            await ScriptTaskType.PrepareFilesAsync(context, workspace, timeout.Token);
            var outputs = GroupOutputs.Initial(request.Variables);
            foreach (var child in request.Tasks)
            {
                var result = await RunGroupChildAsync(request, child, outputs, workspace, timeout.Token, cancellationToken);
                results.Add(result);
                if (result.Result.Outputs is { } childOutputs)
                {
                    outputs = GroupOutputs.With(outputs, child.Request.TaskId, request.OutputPath, childOutputs);
                }

                timeout.Token.ThrowIfCancellationRequested();
                if (result.Result.State == Executions.State.FAILED && !child.AllowFailure)
                {
                    return new TaskGroupResult { Tasks = results };
                }
            }

            var globs = ScriptTaskType.OutputFileGlobs(context);
            var files = globs.IsEmpty ? null : await ScriptTaskType.UploadOutputFilesAsync(context, workspace, workspace.FindFiles(globs, new HashSet<string>()), timeout.Token);
            return new TaskGroupResult { Tasks = results, Outputs = files is null ? null : new Dictionary<string, object?> { ["outputFiles"] = files } };
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return GroupFailed(context, results, "Timeout", $"the WorkingDirectory exceeded its timeout of {Parsing.Durations.Format(request.Timeout!.Value)}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.TaskFailed(_logger, request.TaskId, request.ExecutionId, e.GetType().Name);
            return GroupFailed(context, results, e.GetType().Name, e.Message);
        }
    }

    private async Task<TaskGroupChildResult> RunGroupChildAsync(TaskGroupRequest group, TaskGroupChild child,
        IReadOnlyDictionary<string, object?> outputs, ScriptWorkspace workspace, CancellationToken groupToken, CancellationToken activityToken)
    {
        var started = _clock.GetUtcNow();
        if (child.RunIf is { } runIf && RunIfResult(group, child, outputs, runIf) is { } skippedOrFailed)
        {
            return new TaskGroupChildResult { TaskRunId = child.Request.TaskRunId, Result = skippedOrFailed, StartDate = started, EndDate = _clock.GetUtcNow() };
        }

        var attempt = 0;
        while (true)
        {
            var request = child.Request with { Attempt = attempt, Variables = GroupOutputs.ChildVariables(group, child, outputs, attempt), Now = _clock.GetUtcNow() };
            TaskResult result;
            try
            {
                result = await RunAsync(request, workspace, groupToken);
            }
            catch (OperationCanceledException) when (!activityToken.IsCancellationRequested)
            {
                result = TaskResult.Failed("Timeout", "the WorkingDirectory's timeout ended this task", retryable: false);
            }

            attempt++;
            var retry = child.Retry;
            if (result.State != Executions.State.FAILED || retry is null || result.Failure?.Retryable == false
                || groupToken.IsCancellationRequested || !retry.AllowsAnother(attempt, _clock.GetUtcNow() - started))
            {
                return new TaskGroupChildResult { TaskRunId = request.TaskRunId, Result = result, Attempts = attempt, StartDate = started, EndDate = _clock.GetUtcNow() };
            }

            // The wait holds this worker: retries inside a group cannot use durable timers.
            var delay = retry.DelayBefore(attempt, System.Security.Cryptography.RandomNumberGenerator.GetInt32(int.MaxValue) / (double)int.MaxValue);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _clock, groupToken);
            }
        }
    }

    /// <summary>Null when the child should run; a SKIPPED result when its runIf is false, FAILED when it does not render.</summary>
    private TaskResult? RunIfResult(TaskGroupRequest group, TaskGroupChild child, IReadOnlyDictionary<string, object?> outputs, string runIf)
    {
        var request = child.Request with { Variables = GroupOutputs.ChildVariables(group, child, outputs, 0), Now = _clock.GetUtcNow() };
        try
        {
            return Truthiness.IsTruthy(Expressions.ExpressionEngine.Shared.RenderTyped(runIf, CreateScope(request)))
                ? null
                : new TaskResult { State = Executions.State.SKIPPED };
        }
        catch (Expressions.ExpressionException e)
        {
            return TaskResult.Failed(nameof(Expressions.ExpressionException), $"runIf: {e.Message}", retryable: false);
        }
    }

    private static TaskGroupResult GroupFailed(TaskRunContext context, List<TaskGroupChildResult> results, string type, string message)
    {
        context.Log("ERROR", message);
        return new TaskGroupResult { Tasks = results, Failure = context.MaskResult(TaskResult.Failed(type, message)).Failure };
    }

    private static TaskRequest GroupTaskRequest(TaskGroupRequest group) => new()
    {
        ExecutionId = group.ExecutionId,
        Namespace = group.Namespace,
        FlowId = group.FlowId,
        TaskRunId = group.TaskRunId,
        TaskId = group.TaskId,
        Type = GroupType,
        Properties = group.Properties,
        Variables = group.Variables,
        Now = group.Now,
        Timeout = group.Timeout,
        LogLevel = group.LogLevel,
    };
}

using Microsoft.DurableTask;
using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Flows;

namespace Serverless.Engine.Orchestration;

/// <summary>Runnable tasks: one activity call per attempt, retries waiting on durable timers.</summary>
internal sealed partial class ExecutionRunner
{
    private async Task<State> RunRunnableAsync(TaskDefinition task, string runId, RunFrame frame)
    {
        var retry = task.Retry ?? _flow.Retry;
        var started = Now;
        while (!_interrupted.ContainsKey(runId))
        {
            var attempt = _runs.Get(runId).Attempts.Count;
            _runs.Update(runId, run => run with { Attempts = [.. run.Attempts, new TaskRunAttempt(StateInfo.Of(State.RUNNING, Now))] });
            var result = await CallTaskAsync(BuildRequest(task, runId, frame, attempt));
            if (_interrupted.TryGetValue(runId, out var interrupted))
            {
                return interrupted;
            }

            if (result.State is State.SUCCESS or State.WARNING)
            {
                var state = attempt > 0 && retry?.WarningOnRetry == true ? State.WARNING : result.State;
                SetOutputs(task, runId, frame, result.Outputs);
                SetAttemptState(runId, result.State);
                return state;
            }

            SetAttemptState(runId, State.FAILED);
            var message = result.Failure?.Message ?? "the task failed";
            foreach (var line in result.ErrorLogs ?? [])
            {
                RecordError(task.Id, runId, line);
            }

            var retryable = result.Failure?.Retryable != false;
            if (retry is null || !retryable || !retry.AllowsAnother(attempt + 1, Now - started))
            {
                if (result.Outputs is { Count: > 0 })
                {
                    SetOutputs(task, runId, frame, result.Outputs);
                }

                RecordError(task.Id, runId, message);
                return State.FAILED;
            }

            var delay = retry.DelayBefore(attempt + 1, Jitter());
            if (delay > TimeSpan.Zero)
            {
                try
                {
                    await _context.CreateTimer(delay, InterruptToken(runId));
                }
                catch (OperationCanceledException) when (_interrupted.TryGetValue(runId, out var stopped))
                {
                    return stopped;
                }
            }
        }

        return _interrupted[runId];
    }

    private async Task<TaskResult> CallTaskAsync(TaskRequest request)
    {
        try
        {
            return await _context.CallActivityAsync<TaskResult>(OrchestrationNames.RunTask, request);
        }
        catch (TaskFailedException e)
        {
            return TaskResult.Failed(e.FailureDetails.ErrorType, e.FailureDetails.ErrorMessage);
        }
    }

    private void SetAttemptState(string runId, State state) => _runs.Update(runId, run => run with
    {
        Attempts = [.. run.Attempts.Take(run.Attempts.Count - 1), new TaskRunAttempt(run.Attempts[^1].State.To(state, Now))],
    });

    /// <summary>Records a task run's outputs and exposes them to later expressions.</summary>
    internal void SetOutputs(TaskDefinition task, string runId, RunFrame frame, IReadOnlyDictionary<string, object?>? outputs)
    {
        if (outputs is null)
        {
            return;
        }

        _runs.Update(runId, run => run with { Outputs = outputs });
        _outputs.Set(task.Id, frame.OutputPath, outputs);
    }

    /// <summary>A replay-safe number in [0,1) for retry jitter.</summary>
    private double Jitter()
    {
        var bytes = _context.NewGuid().ToByteArray();
        return BitConverter.ToUInt32(bytes, 0) / (uint.MaxValue + 1.0);
    }
}

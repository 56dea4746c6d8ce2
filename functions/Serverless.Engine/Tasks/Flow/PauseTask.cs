using Serverless.Engine.Executions;
using Serverless.Engine.Inputs;
using Serverless.Engine.Orchestration;
using Serverless.Engine.Parsing;

namespace Serverless.Engine.Tasks.Flow;

/// <summary>
/// <c>io.kestra.plugin.core.flow.Pause</c>: pauses the execution (task run and execution PAUSED) until it is
/// resumed through the API or <c>flows resume</c>, with <c>onResume</c> inputs that become the task's outputs
/// (<c>outputs.{id}.onResume.x</c>). <c>delay</c> (or <c>pauseDuration</c>) resumes by itself after a while;
/// <c>timeout</c> ends the wait with <c>behavior</c> (FAIL by default; RESUME, WARN, CANCEL). A resume is an
/// external event: delivered once to this task run, so concurrent resumes resume it once.
/// <code>
/// - id: approve
///   type: io.kestra.plugin.core.flow.Pause
///   timeout: PT1H
///   onResume:
///     - id: approved
///       type: BOOLEAN
/// </code>
/// </summary>
public sealed class PauseTask : FlowableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.flow.Pause", "io.kestra.core.tasks.flows.Pause"];

    public override IReadOnlyList<PropertySpec> Properties { get; } =
    [
        PropertySpec.Duration("delay"),
        PropertySpec.Duration("pauseDuration"),
        PropertySpec.String("behavior"),
        PropertySpec.List("onResume"),
        PropertySpec.Tasks("tasks"),
    ];

    public override async Task<State> ExecuteAsync(FlowableRun run)
    {
        var delay = (run.RenderString("delay") ?? run.RenderString("pauseDuration")) is { } d ? Durations.Parse(d) : (TimeSpan?)null;
        // 'timeout' is the property every task has, so the parser keeps it on the task itself.
        var timeout = run.Task.Timeout;
        var behavior = (run.RenderString("behavior") ?? (delay is not null ? "RESUME" : "FAIL")).ToUpperInvariant();
        var definitions = InputDefinitions.FromPlain(run.Task.Properties.GetValueOrDefault("onResume"));

        run.EnterPause();
        var resumed = await WaitForResumeAsync(run, definitions, delay ?? timeout);
        run.LeavePause();

        if (resumed is null)
        {
            switch (behavior)
            {
                case "FAIL":
                    return run.Fail($"the pause timed out after {Durations.Format((delay ?? timeout)!.Value)} without being resumed");
                case "CANCEL":
                    run.Exit(State.CANCELLED);
                    return State.CANCELLED;
                case "WARN":
                    return State.WARNING;
            }

            resumed = InputDefinitions.Resolve(definitions, new Dictionary<string, object?>(), new FixedClock(run.Now));
        }

        run.SetOutputs(new Dictionary<string, object?> { ["onResume"] = resumed, ["resumed"] = true });
        return run.Task.Branch("tasks") is { Count: > 0 } tasks ? await run.RunSequenceAsync(tasks) : State.SUCCESS;
    }

    /// <summary>Checks resume inputs against a Pause's <c>onResume</c> definitions; throws <see cref="InputValidationException"/>.</summary>
    public static IReadOnlyDictionary<string, object?> ValidateResumeInputs(Flows.TaskDefinition pause, IReadOnlyDictionary<string, object?> inputs, TimeProvider clock) =>
        InputDefinitions.Resolve(InputDefinitions.FromPlain(pause?.Properties.GetValueOrDefault("onResume")), inputs, clock);

    /// <summary>The resume inputs, or null when <paramref name="limit"/> passed first.</summary>
    private static async Task<IReadOnlyDictionary<string, object?>?> WaitForResumeAsync(FlowableRun run, IReadOnlyList<Flows.InputDefinition> definitions, TimeSpan? limit)
    {
        // Linked to the interruption of the task run (Dag onChildFailure): a pending timer or wait would hold the execution.
        using var cancelTimer = CancellationTokenSource.CreateLinkedTokenSource(run.Interrupted);
        using var cancelWait = CancellationTokenSource.CreateLinkedTokenSource(run.Interrupted);
        var timer = limit is { } wait ? run.Context.CreateTimer(wait, cancelTimer.Token) : null;
        while (true)
        {
            // Cancelling the wait when the timer wins removes the waiter, so it cannot swallow a later resume.
            // Cancel() (never CancelAsync) keeps the continuation on the orchestration's own thread.
            var resume = run.Context.WaitForExternalEvent<ResumeRequest>(OrchestrationNames.ResumeEvent, cancelWait.Token);
            var winner = timer is null ? resume : await Task.WhenAny(resume, timer);
            if (winner != resume)
            {
                cancelWait.Cancel();
                return null;
            }

            var request = await resume;
            if (request.TaskRunId is not null && request.TaskRunId != run.RunId)
            {
                continue;
            }

            try
            {
                var inputs = InputDefinitions.Resolve(definitions, request.Inputs ?? new Dictionary<string, object?>(), new FixedClock(run.Now));
                cancelTimer.Cancel();
                return inputs;
            }
            catch (InputValidationException)
            {
                // The API validates before raising the event; an invalid resume that got through is ignored.
            }
        }
    }
}

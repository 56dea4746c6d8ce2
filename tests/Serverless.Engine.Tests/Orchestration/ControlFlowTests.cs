using Serverless.Engine.Executions;
using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Orchestration;

[Collection(EngineCollection.Name)]
public sealed class ControlFlowTests(EngineFixture engine)
{
    [Fact]
    public async Task Sleep_WaitsOnADurableTimer_ThenContinues()
    {
        var execution = await engine.RunAsync("""
            id: sleep
            namespace: tests
            tasks:
              - id: nap
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT0.2S
              - id: after
                type: io.kestra.plugin.core.log.Log
                message: awake
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        var nap = execution.Run("nap").State;
        Assert.True(nap.EndDate - nap.StartDate >= TimeSpan.FromMilliseconds(190), $"slept {nap.EndDate - nap.StartDate}");
    }

    [Fact]
    public async Task LoopUntil_RepeatsItsTasksUntilTheConditionHolds()
    {
        var execution = await engine.RunAsync("""
            id: loop-until
            namespace: tests
            tasks:
              - id: poll
                type: io.kestra.plugin.core.flow.LoopUntil
                condition: "{{ outputs.poll.iterationCount >= 3 }}"
                checkFrequency:
                  interval: PT0.01S
                  maxIterations: 10
                tasks:
                  - id: probe
                    type: io.kestra.plugin.core.debug.Return
                    format: "{{ taskrun.iteration }}"
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Equal(3, execution.Runs("probe").Count);
        Assert.Equal(3L, execution.Run("poll").Outputs!["iterationCount"]);
    }

    [Fact]
    public async Task LoopUntil_ReachingMaxIterations_FailsWhenAskedTo()
    {
        var execution = await engine.RunAsync("""
            id: loop-max
            namespace: tests
            tasks:
              - id: poll
                type: io.kestra.plugin.core.flow.WaitFor
                condition: "{{ false }}"
                failOnMaxReached: true
                checkFrequency:
                  interval: PT0.01S
                  maxIterations: 2
                tasks:
                  - id: probe
                    type: io.kestra.plugin.core.log.Log
                    message: again
            """);

        Assert.Equal(State.FAILED, execution.State.Current);
        Assert.Equal(2, execution.Runs("probe").Count);
    }

    [Fact]
    public async Task Exit_EndsTheExecutionInTheGivenState_AndNothingAfterRuns()
    {
        var execution = await engine.RunAsync("""
            id: exit
            namespace: tests
            tasks:
              - id: first
                type: io.kestra.plugin.core.log.Log
                message: one
              - id: leave
                type: io.kestra.plugin.core.execution.Exit
                state: WARNING
              - id: never
                type: io.kestra.plugin.core.log.Log
                message: unreachable
            """);

        Assert.Equal(State.WARNING, execution.State.Current);
        Assert.Equal(["first", "leave"], execution.TaskIds());
    }

    [Fact]
    public async Task Labels_AddLabelsToTheRunningExecution()
    {
        var execution = await engine.RunAsync("""
            id: labels
            namespace: tests
            labels:
              team: data
            tasks:
              - id: tag
                type: io.kestra.plugin.core.execution.Labels
                labels:
                  customer: "acme-{{ flow.id }}"
                  team: platform
            """);

        Assert.Contains(execution.Labels, l => l is { Key: "customer", Value: "acme-labels" });
        Assert.Contains(execution.Labels, l => l is { Key: "team", Value: "platform" });
        Assert.DoesNotContain(execution.Labels, l => l is { Key: "team", Value: "data" });
    }

    [Fact]
    public async Task AllowFailure_TurnsAFailureOfItsTasksIntoWarning()
    {
        var execution = await engine.RunAsync("""
            id: allow-failure
            namespace: tests
            tasks:
              - id: tolerant
                type: io.kestra.plugin.core.flow.AllowFailure
                tasks:
                  - id: boom
                    type: io.kestra.plugin.core.execution.Fail
              - id: next
                type: io.kestra.plugin.core.log.Log
                message: still running
            """);

        Assert.Equal(State.WARNING, execution.State.Current);
        Assert.Equal(State.FAILED, execution.StateOf("boom"));
        Assert.Equal(State.SUCCESS, execution.StateOf("next"));
    }
}

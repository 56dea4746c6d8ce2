using Serverless.Engine.Executions;
using Serverless.Engine.Parsing;
using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Orchestration;

[Collection(EngineCollection.Name)]
public sealed class PauseTests(EngineFixture engine)
{
    private const string ApprovalFlow = """
        id: approval
        namespace: tests
        tasks:
          - id: approve
            type: io.kestra.plugin.core.flow.Pause
            onResume:
              - id: approved
                type: BOOLEAN
              - id: reason
                type: STRING
                defaults: none given
          - id: after
            type: io.kestra.plugin.core.debug.Return
            format: "{{ outputs.approve.onResume.approved }} / {{ outputs.approve.onResume.reason }}"
        """;

    [Fact]
    public async Task Pause_WaitsPaused_UntilResumed_AndResumeInputsBecomeOutputs()
    {
        var executions = engine.Engine.Executions;
        var id = await executions.StartAsync(FlowParser.Default.ParseValid(ApprovalFlow), new Dictionary<string, object?>());
        await WaitUntilPausedAsync(id);

        await executions.ResumeAsync(id, new Dictionary<string, object?> { ["approved"] = "true" });
        var execution = await executions.WaitAsync(id);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Contains(State.PAUSED, execution.Run("approve").State.Histories.Select(h => h.State));
        Assert.Contains(State.PAUSED, execution.State.Histories.Select(h => h.State));
        Assert.Equal("true / none given", execution.Run("after").Outputs!["value"]);
    }

    [Fact]
    public async Task Pause_ConcurrentResumes_ResumeItOnce_AndNeverTheNextPause()
    {
        var executions = engine.Engine.Executions;
        var flow = FlowParser.Default.ParseValid("""
            id: twice
            namespace: tests
            tasks:
              - id: first
                type: io.kestra.plugin.core.flow.Pause
              - id: second
                type: io.kestra.plugin.core.flow.Pause
                onResume:
                  - id: who
                    type: STRING
                    defaults: a stale resume
            """);
        var id = await executions.StartAsync(flow, new Dictionary<string, object?>());
        var first = await WaitUntilPausedAsync(id, "first");

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => executions.ResumeAsync(id, null, first)));
        var second = await WaitUntilPausedAsync(id, "second");
        await executions.ResumeAsync(id, new Dictionary<string, object?> { ["who"] = "the second resume" }, second);
        var execution = await executions.WaitAsync(id);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        var onResume = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(execution.Run("second").Outputs!["onResume"]);
        Assert.Equal("the second resume", onResume["who"]);
    }

    [Fact]
    public async Task Pause_WithDelay_ResumesByItself()
    {
        var execution = await engine.RunAsync("""
            id: delayed
            namespace: tests
            tasks:
              - id: wait
                type: io.kestra.plugin.core.flow.Pause
                delay: PT0.1S
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
    }

    [Fact]
    public async Task Pause_TimingOut_FailsByDefault()
    {
        var execution = await engine.RunAsync("""
            id: timeout
            namespace: tests
            tasks:
              - id: wait
                type: io.kestra.plugin.core.flow.Pause
                timeout: PT0.1S
            """);

        Assert.Equal(State.FAILED, execution.State.Current);
        Assert.Contains("timed out", execution.Error);
    }

    private async Task<string> WaitUntilPausedAsync(string executionId, string? taskId = null)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        do
        {
            var progress = await engine.Engine.Executions.GetProgressAsync(executionId, deadline.Token);
            if (progress?.Recent.FirstOrDefault(r => r.State == State.PAUSED && (taskId is null || r.TaskId == taskId)) is { } paused)
            {
                return paused.Id;
            }
        }
        while (await poll.WaitForNextTickAsync(deadline.Token));

        throw new TimeoutException("the execution never paused");
    }
}

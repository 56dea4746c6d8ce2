using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Serverless.Durable.Embedded.Tests;

/// <summary>Orchestration semantics on the embedded host, through the real worker and client.</summary>
[Collection(EmbeddedHostCollection.Name)]
public sealed class EmbeddedDurableHostTests(EmbeddedHostFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private DurableTaskClient Client => fixture.Host.Client;

    [Fact]
    public async Task CallActivity_InSequence_EachStepSeesThePreviousOutput()
    {
        OrchestrationMetadata done = await RunAsync(nameof(SequenceOrchestrator), 25);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(25, done.ReadOutputAs<int>());
    }

    [Fact]
    public async Task CallActivity_ThousandWideFanOut_ReturnsEveryResult()
    {
        OrchestrationMetadata done = await RunAsync(nameof(FanOutOrchestrator), 1000);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(Enumerable.Range(1, 1000), done.ReadOutputAs<int[]>());
    }

    [Fact]
    public async Task CreateTimer_ShortDelay_FiresAndResumesAfterFireTime()
    {
        OrchestrationMetadata done = await RunAsync(nameof(TimerOrchestrator), 50);

        Assert.Equal("fired", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task RaiseEvent_WaitingOrchestration_ResumesExactlyOnce()
    {
        string key = $"approve-{Guid.NewGuid():N}";
        string id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalOrchestrator), key);

        await Client.RaiseEventAsync(id, "approve", "yes");
        await Client.RaiseEventAsync(id, "approve", "again");
        OrchestrationMetadata done = await WaitAsync(id);

        Assert.Equal("yes", done.ReadOutputAs<string>());
        Assert.Equal(1, fixture.Probe.Count(key));
    }

    [Fact]
    public async Task CallSubOrchestrator_ChildCompletes_ParentGetsItsResult()
    {
        OrchestrationMetadata done = await RunAsync(nameof(ParentOrchestrator), 4);

        Assert.Equal(50, done.ReadOutputAs<int>());
    }

    [Fact]
    public async Task CallSubOrchestrator_ChildFails_ParentCatchesTaskFailedException()
    {
        OrchestrationMetadata done = await RunAsync(nameof(FailingChildParentOrchestrator), "child broke");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Contains("child broke", done.ReadOutputAs<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallActivity_ActivityThrows_OrchestrationCatchesTaskFailedExceptionWithMessage()
    {
        OrchestrationMetadata done = await RunAsync(nameof(CatchingOrchestrator), "disk on fire");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal($"{typeof(InvalidOperationException).FullName}: disk on fire", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task CallActivity_ActivityThrowsUncaught_OrchestrationFailsWithDetails()
    {
        OrchestrationMetadata done = await RunAsync(nameof(FailingOrchestrator), "no route");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.NotNull(done.FailureDetails);
        Assert.Contains("no route", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetCustomStatus_WhileRunningAndAfterCompletion_VisibleToClient()
    {
        string key = $"status-{Guid.NewGuid():N}";
        string id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(StatusOrchestrator), key);
        await fixture.Probe.Reached(key);

        OrchestrationMetadata? running = await Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        await Client.RaiseEventAsync(id, "release", true);
        OrchestrationMetadata done = await WaitAsync(id);
        OrchestrationMetadata? after = await Client.GetInstanceAsync(id, getInputsAndOutputs: true);

        Assert.NotNull(running);
        Assert.Equal(OrchestrationRuntimeStatus.Running, running.RuntimeStatus);
        Assert.Contains("\"waiting\"", running.SerializedCustomStatus, StringComparison.Ordinal);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.NotNull(after);
        Assert.Contains("\"done\"", after.SerializedCustomStatus, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuspendInstance_ThenResume_EventsWaitAndInstanceCompletes()
    {
        string key = $"suspend-{Guid.NewGuid():N}";
        string id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(StatusOrchestrator), key);
        await fixture.Probe.Reached(key);

        await Client.SuspendInstanceAsync(id, "hold");
        await Client.RaiseEventAsync(id, "release", true);
        await Client.ResumeInstanceAsync(id, "go");
        OrchestrationMetadata done = await WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("released", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task ScheduleNew_WithStartAt_StartsLaterAndEarlyEventsWait()
    {
        string key = $"delayed-{Guid.NewGuid():N}";
        string id = await Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(ApprovalOrchestrator), key, new StartOrchestrationOptions(StartAt: DateTimeOffset.UtcNow.AddMilliseconds(200)));

        await Client.RaiseEventAsync(id, "approve", "early");
        OrchestrationMetadata done = await WaitAsync(id);

        Assert.Equal("early", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitForInstanceStart_NewInstance_ReturnsOnceRunning()
    {
        string id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalOrchestrator), "start");
        using var cts = new CancellationTokenSource(Timeout);

        OrchestrationMetadata started = await Client.WaitForInstanceStartAsync(id, getInputsAndOutputs: false, cts.Token);
        await Client.TerminateInstanceAsync(id);
        await WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Running, started.RuntimeStatus);
    }

    [Fact]
    public async Task ContinueAsNew_ThreeTimes_FinalGenerationCompletesWithCount()
    {
        OrchestrationMetadata done = await RunAsync(nameof(CountdownOrchestrator), new[] { 3, 0 });

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(3, done.ReadOutputAs<int>());
    }

    private async Task<OrchestrationMetadata> RunAsync(string name, object input)
    {
        string id = await Client.ScheduleNewOrchestrationInstanceAsync(name, input);
        return await WaitAsync(id);
    }

    private async Task<OrchestrationMetadata> WaitAsync(string id)
    {
        using var cts = new CancellationTokenSource(Timeout);
        return await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
    }
}

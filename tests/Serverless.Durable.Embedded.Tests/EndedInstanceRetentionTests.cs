using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Durable.Embedded;

namespace Serverless.Durable.Embedded.Tests;

/// <summary>A long-running embedded host keeps only the most recent ended instances in memory.</summary>
public sealed class EndedInstanceRetentionTests
{
    [Fact]
    public async Task EndedInstances_BeyondTheLimit_AreForgottenOldestFirst()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var host = await StartHostAsync(maxEndedInstances: 2, timeout.Token);

        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SequenceOrchestrator), 2, timeout.Token);
            var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            ids.Add(id);
        }

        Assert.Null(await host.Client.GetInstanceAsync(ids[0], timeout.Token));
        Assert.NotNull(await host.Client.GetInstanceAsync(ids[1], timeout.Token));
        Assert.Equal(2, (await host.Client.GetInstanceAsync(ids[2], getInputsAndOutputs: true, timeout.Token))!.ReadOutputAs<int>());
    }

    [Fact]
    public async Task RunningInstances_AreNeverForgotten()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var host = await StartHostAsync(maxEndedInstances: 1, timeout.Token);
        var waiting = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalOrchestrator), $"approve-{Guid.NewGuid():N}", timeout.Token);
        await host.Client.WaitForInstanceStartAsync(waiting, timeout.Token);

        var ended = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            ended.Add(await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SequenceOrchestrator), 1, timeout.Token));
            await host.Client.WaitForInstanceCompletionAsync(ended[^1], timeout.Token);
        }

        Assert.Null(await host.Client.GetInstanceAsync(ended[0], timeout.Token));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(waiting, timeout.Token))!.RuntimeStatus);
    }

    private static Task<EmbeddedDurableHost> StartHostAsync(int maxEndedInstances, CancellationToken ct) =>
        EmbeddedDurableHost.StartAsync(
            TestTasks.Register,
            new EmbeddedDurableHostOptions { MaxEndedInstances = maxEndedInstances },
            services => services.AddSingleton<TestProbe>(),
            cancellationToken: ct);
}

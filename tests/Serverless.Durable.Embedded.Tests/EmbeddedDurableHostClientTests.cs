using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Serverless.Durable.Embedded.Tests;

/// <summary>Client operations on the embedded host: ids, terminate, query and purge.</summary>
[Collection(EmbeddedHostCollection.Name)]
public sealed class EmbeddedDurableHostClientTests(EmbeddedHostFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private DurableTaskClient Client => fixture.Host.Client;

    [Fact]
    public async Task TerminateInstance_WaitingOrchestration_RecordedAsTerminated()
    {
        string id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalOrchestrator), "never");

        await Client.TerminateInstanceAsync(id, "stop it");
        OrchestrationMetadata done = await WaitAsync(id);
        OrchestrationMetadata? stored = await Client.GetInstanceAsync(id, getInputsAndOutputs: true);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.NotNull(stored);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, stored.RuntimeStatus);
    }

    [Fact]
    public async Task ScheduleNew_SameIdWhileRunning_ThrowsAndKeepsOneInstance()
    {
        string id = $"dup-{Guid.NewGuid():N}";
        await Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(ApprovalOrchestrator), "first", new StartOrchestrationOptions(id));

        Exception error = await Record.ExceptionAsync(() => Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(ApprovalOrchestrator), "second", new StartOrchestrationOptions(id)));
        List<OrchestrationMetadata> instances = await QueryAsync(new OrchestrationQuery(InstanceIdPrefix: id, FetchInputsAndOutputs: true));
        await Client.TerminateInstanceAsync(id);
        await WaitAsync(id);

        Assert.IsAssignableFrom<OrchestrationAlreadyExistsException>(error);
        OrchestrationMetadata only = Assert.Single(instances);
        Assert.Equal("first", only.ReadInputAs<string>());
    }

    [Fact]
    public async Task ScheduleNew_SameIdAfterCompletion_StartsANewExecution()
    {
        string id = $"rerun-{Guid.NewGuid():N}";
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(SequenceOrchestrator), 1, new StartOrchestrationOptions(id));
        await WaitAsync(id);

        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(SequenceOrchestrator), 2, new StartOrchestrationOptions(id));
        OrchestrationMetadata second = await WaitAsync(id);

        Assert.Equal(2, second.ReadOutputAs<int>());
    }

    [Fact]
    public async Task GetAllInstances_StatusFilterAndSmallPages_ReturnsEachMatchOnce()
    {
        string prefix = $"query-{Guid.NewGuid():N}-";
        for (int i = 0; i < 5; i++)
        {
            await Client.ScheduleNewOrchestrationInstanceAsync(
                nameof(SequenceOrchestrator), 1, new StartOrchestrationOptions($"{prefix}{i}"));
            await WaitAsync($"{prefix}{i}");
        }

        List<OrchestrationMetadata> completed = await QueryAsync(new OrchestrationQuery(
            Statuses: [OrchestrationRuntimeStatus.Completed], InstanceIdPrefix: prefix, PageSize: 2));
        List<OrchestrationMetadata> running = await QueryAsync(new OrchestrationQuery(
            Statuses: [OrchestrationRuntimeStatus.Running], InstanceIdPrefix: prefix));
        List<OrchestrationMetadata> future = await QueryAsync(new OrchestrationQuery(
            CreatedFrom: DateTimeOffset.UtcNow.AddHours(1), InstanceIdPrefix: prefix));

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"{prefix}{i}"), completed.Select(m => m.InstanceId).Order());
        Assert.Empty(running);
        Assert.Empty(future);
    }

    [Fact]
    public async Task PurgeInstance_Completed_RemovesIt()
    {
        string id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(SequenceOrchestrator), 1);
        await WaitAsync(id);

        PurgeResult purged = await Client.PurgeInstanceAsync(id);
        OrchestrationMetadata? after = await Client.GetInstanceAsync(id);

        Assert.Equal(1, purged.PurgedInstanceCount);
        Assert.Null(after);
    }

    private async Task<List<OrchestrationMetadata>> QueryAsync(OrchestrationQuery query)
    {
        var results = new List<OrchestrationMetadata>();
        await foreach (OrchestrationMetadata metadata in Client.GetAllInstancesAsync(query))
        {
            results.Add(metadata);
        }

        return results;
    }

    private async Task<OrchestrationMetadata> WaitAsync(string id)
    {
        using var cts = new CancellationTokenSource(Timeout);
        return await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
    }
}

using Microsoft.DurableTask.Client;
using Serverless.Engine.Executions;
using Serverless.Engine.Parsing;
using Serverless.Engine.Tests.Support;
using Xunit.Abstractions;

namespace Serverless.Engine.Tests.Embedded;

[Collection(EngineCollection.Name)]
public sealed class ZzDiagTests(EngineFixture engine, ITestOutputHelper output)
{
    [Fact]
    public async Task Diag_ConcurrentResumes()
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
                timeout: PT1S
                behavior: WARN
            """);
        var id = await executions.StartAsync(flow, new Dictionary<string, object?>());
        var client = engine.Engine.Services.GetService(typeof(DurableTaskClient)) as DurableTaskClient;
        string? paused = null;
        for (int i = 0; i < 100 && paused is null; i++)
        {
            var progress = await executions.GetProgressAsync(id);
            paused = progress?.Recent.FirstOrDefault(r => r.State == State.PAUSED)?.Id;
            await Task.Delay(50);
        }
        output.WriteLine($"paused {paused}");
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => executions.ResumeAsync(id, null, paused)));
        await Task.Delay(5000);
        var md = await client!.GetInstanceAsync(id, true);
        output.WriteLine($"status {md?.RuntimeStatus} custom {md?.SerializedCustomStatus} fail {md?.FailureDetails}");
        var h = await client.GetOrchestrationHistoryAsync(id);
        foreach (var e in h) output.WriteLine($"{e.EventType} {e.EventId} {e.Timestamp:O} {(e as DurableTask.Core.History.EventRaisedEvent)?.Input} {(e as DurableTask.Core.History.TimerCreatedEvent)?.FireAt:O}{(e as DurableTask.Core.History.TimerFiredEvent)?.FireAt:O}");
        Assert.Fail("diag");
    }
}

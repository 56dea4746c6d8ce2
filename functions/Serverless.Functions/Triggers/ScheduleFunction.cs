using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Serverless.Engine.Scheduling;
using Serverless.Engine.Triggers;
using Serverless.Functions.Configuration;

namespace Serverless.Functions.Triggers;

/// <summary>
/// Schedule triggers: one scheduler tick per minute. Timer triggers run on one instance at a time (the
/// host holds a blob lease), and a tick that still overlaps or repeats is harmless: starts are idempotent
/// by id and trigger states are compare-and-swap.
/// </summary>
public sealed partial class ScheduleFunction(Scheduler scheduler, IFlowSource flows, FunctionsDurableClientSource clients, ILogger<ScheduleFunction> logger)
{
    public const string Name = "FlowSchedules";

    [Function(Name)]
    public async Task RunAsync([TimerTrigger("0 * * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        clients.Use(client);
        var result = await scheduler.TickAsync(await flows.GetFlowsAsync(cancellationToken), cancellationToken);
        Ticked(logger, result.Started, result.AlreadyStarted, result.Failed, timer?.IsPastDue ?? false);
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Schedules: {Started} started, {Existing} already started, {Failed} failed (past due: {PastDue})")]
    private static partial void Ticked(ILogger logger, int started, int existing, int failed, bool pastDue);
}

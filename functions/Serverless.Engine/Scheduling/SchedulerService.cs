using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serverless.Engine.Storage;
using Serverless.Engine.Triggers;

namespace Serverless.Engine.Scheduling;

/// <summary>
/// Runs <see cref="Scheduler"/> ticks in a long-lived host (<c>flows serve</c>): once at start, then at
/// every multiple of <see cref="SchedulerOptions.TickInterval"/> by the injected clock. The Functions app
/// uses a timer trigger instead.
/// </summary>
public sealed partial class SchedulerService(Scheduler scheduler, IFlowSource flows, SchedulerOptions options, TimeProvider clock, StorageFaults faults, ILogger<SchedulerService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var result = await scheduler.TickAsync(await flows.GetFlowsAsync(stoppingToken), stoppingToken);
                if (result.Started > 0 || result.Failed > 0)
                {
                    Ticked(logger, result.Started, result.AlreadyStarted, result.Failed);
                }
            }
            catch (Exception e) when (faults.Describe(e) is { } reason)
            {
                TickUnavailable(logger, reason);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                TickFailed(logger, e);
            }

            var now = clock.GetUtcNow();
            var interval = options.TickInterval.Ticks;
            var wait = TimeSpan.FromTicks(interval - (now.UtcTicks % interval));
            await Task.Delay(wait, clock, stoppingToken);
        }
    }

    [LoggerMessage(EventId = 5110, Level = LogLevel.Information, Message = "Scheduler tick started {Started} executions ({Existing} already started, {Failed} failed)")]
    private static partial void Ticked(ILogger logger, int started, int existing, int failed);

    [LoggerMessage(EventId = 5112, Level = LogLevel.Warning, Message = "Scheduler tick: storage is unavailable ({Reason}); the next tick retries")]
    private static partial void TickUnavailable(ILogger logger, string reason);

    [LoggerMessage(EventId = 5111, Level = LogLevel.Error, Message = "Scheduler tick failed; the next tick retries")]
    private static partial void TickFailed(ILogger logger, Exception exception);
}

using System.Collections.Concurrent;
using Microsoft.DurableTask;

namespace Serverless.Durable.Embedded.Tests;

/// <summary>Lets activities report to the test: invocation counts and "I have run" signals.</summary>
public sealed class TestProbe
{
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new();

    public int Count(string key) => _counts.GetValueOrDefault(key);

    public void Hit(string key)
    {
        _counts.AddOrUpdate(key, 1, (_, n) => n + 1);
        Signal(key).TrySetResult();
    }

    public Task Reached(string key) => Signal(key).Task.WaitAsync(TimeSpan.FromSeconds(30));

    private TaskCompletionSource Signal(string key) =>
        _signals.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

internal static class TestTasks
{
    public static void Register(DurableTaskRegistry registry) => registry
        .AddOrchestrator<SequenceOrchestrator>()
        .AddOrchestrator<FanOutOrchestrator>()
        .AddOrchestrator<TimerOrchestrator>()
        .AddOrchestrator<ApprovalOrchestrator>()
        .AddOrchestrator<ParentOrchestrator>()
        .AddOrchestrator<ChildOrchestrator>()
        .AddOrchestrator<CatchingOrchestrator>()
        .AddOrchestrator<FailingOrchestrator>()
        .AddOrchestrator<StatusOrchestrator>()
        .AddOrchestrator<CountdownOrchestrator>()
        .AddOrchestrator<FailingChildParentOrchestrator>()
        .AddActivity<IncrementActivity>()
        .AddActivity<ThrowingActivity>()
        .AddActivity<ProbeActivity>();
}

/// <summary>Adds one, as an activity, so the orchestrations have real work items to wait for.</summary>
internal sealed class IncrementActivity : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input + 1);
}

internal sealed class ThrowingActivity : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) =>
        throw new InvalidOperationException(input);
}

/// <summary>Records that it ran under the key it is given.</summary>
internal sealed class ProbeActivity(TestProbe probe) : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input)
    {
        probe.Hit(input);
        return Task.FromResult(input);
    }
}

/// <summary>Applies Increment <c>input</c> times in a row, each step waiting for the one before.</summary>
internal sealed class SequenceOrchestrator : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        int value = 0;
        for (int i = 0; i < input; i++)
        {
            value = await context.CallActivityAsync<int>(nameof(IncrementActivity), value);
        }

        return value;
    }
}

/// <summary>Increments 0..input-1 in parallel and returns every result in order.</summary>
internal sealed class FanOutOrchestrator : TaskOrchestrator<int, int[]>
{
    public override Task<int[]> RunAsync(TaskOrchestrationContext context, int input) =>
        Task.WhenAll(Enumerable.Range(0, input)
            .Select(i => context.CallActivityAsync<int>(nameof(IncrementActivity), i)));
}

internal sealed class TimerOrchestrator : TaskOrchestrator<int, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, int input)
    {
        DateTime fireAt = context.CurrentUtcDateTime.AddMilliseconds(input);
        await context.CreateTimer(fireAt, CancellationToken.None);
        return context.CurrentUtcDateTime >= fireAt ? "fired" : "early";
    }
}

/// <summary>Waits for an "approve" event, then reports it through the probe activity.</summary>
internal sealed class ApprovalOrchestrator : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        string decision = await context.WaitForExternalEvent<string>("approve");
        await context.CallActivityAsync<string>(nameof(ProbeActivity), input);
        return decision;
    }
}

internal sealed class ParentOrchestrator : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input) =>
        await context.CallSubOrchestratorAsync<int>(nameof(ChildOrchestrator), input) * 10;
}

internal sealed class ChildOrchestrator : TaskOrchestrator<int, int>
{
    public override Task<int> RunAsync(TaskOrchestrationContext context, int input) =>
        context.CallActivityAsync<int>(nameof(IncrementActivity), input);
}

/// <summary>Catches the activity's failure and returns what the orchestration saw.</summary>
internal sealed class CatchingOrchestrator : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        try
        {
            return await context.CallActivityAsync<string>(nameof(ThrowingActivity), input);
        }
        catch (TaskFailedException ex)
        {
            return $"{ex.FailureDetails.ErrorType}: {ex.FailureDetails.ErrorMessage}";
        }
    }
}

internal sealed class FailingOrchestrator : TaskOrchestrator<string, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
        context.CallActivityAsync<string>(nameof(ThrowingActivity), input);
}

/// <summary>Publishes a custom status, signals the test, then waits to be released.</summary>
internal sealed class StatusOrchestrator : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        context.SetCustomStatus(new { stage = "waiting", key = input });
        await context.CallActivityAsync<string>(nameof(ProbeActivity), input);
        await context.WaitForExternalEvent<bool>("release");
        context.SetCustomStatus(new { stage = "done", key = input });
        return "released";
    }
}

/// <summary>Continues as new with one less until zero, counting the generations.</summary>
internal sealed class CountdownOrchestrator : TaskOrchestrator<int[], int>
{
    public override Task<int> RunAsync(TaskOrchestrationContext context, int[] input)
    {
        (int remaining, int generations) = (input[0], input[1]);
        if (remaining == 0)
        {
            return Task.FromResult(generations);
        }

        context.ContinueAsNew(new[] { remaining - 1, generations + 1 });
        return Task.FromResult(-1);
    }
}

/// <summary>Calls a child that fails and returns what the parent saw.</summary>
internal sealed class FailingChildParentOrchestrator : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        try
        {
            return await context.CallSubOrchestratorAsync<string>(nameof(FailingOrchestrator), input);
        }
        catch (TaskFailedException ex)
        {
            return ex.FailureDetails.ErrorMessage;
        }
    }
}

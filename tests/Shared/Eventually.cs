namespace Serverless.Tests;

/// <summary>Polling with a deadline for things that happen in the background (triggers, schedules, recovery): never a fixed sleep.</summary>
public static class Eventually
{
    /// <summary>Re-reads every 50 ms until <paramref name="condition"/> holds; fails with <paramref name="what"/> after <paramref name="seconds"/>.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what, int seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        using var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        var last = await read();
        while (!condition(last))
        {
            try
            {
                await ticks.WaitForNextTickAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Timed out after {seconds} s waiting for {what}; last seen: {last}");
            }

            last = await read();
        }

        return last;
    }
}

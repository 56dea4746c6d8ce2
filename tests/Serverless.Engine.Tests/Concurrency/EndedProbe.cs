using System.Collections.Concurrent;
using Serverless.Engine.Activities;
using Serverless.Engine.Executions;

namespace Serverless.Engine.Tests.Concurrency;

/// <summary>An execution listener that lets a test wait until a number of executions have ended.</summary>
public sealed class EndedProbe : IExecutionListener
{
    private readonly ConcurrentDictionary<string, Execution> _ended = new();
    private readonly Lock _gate = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];

    public IReadOnlyCollection<Execution> Ended => [.. _ended.Values];

    public Task OnEndedAsync(Execution execution, CancellationToken cancellationToken)
    {
        _ended[execution.Id] = execution;
        lock (_gate)
        {
            foreach (var waiter in _waiters.Where(w => _ended.Count >= w.Count))
            {
                waiter.Done.TrySetResult();
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Completes when at least <paramref name="count"/> executions have ended (fails after a generous timeout).</summary>
    public Task WaitForAsync(int count)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((count, done));
            if (_ended.Count >= count)
            {
                done.TrySetResult();
            }
        }

        return done.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }
}

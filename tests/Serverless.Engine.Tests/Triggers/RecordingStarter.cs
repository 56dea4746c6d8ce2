using System.Collections.Concurrent;
using Serverless.Engine.Executions;
using Serverless.Engine.Flows;
using Serverless.Engine.Triggers;

namespace Serverless.Engine.Tests.Triggers;

/// <summary>
/// A trigger starter that behaves like Durable for ids (a known id is not started again) and records
/// every start and every attempt, so tests can count duplicates and misses.
/// </summary>
public sealed class RecordingStarter : ITriggerStarter
{
    private readonly ConcurrentDictionary<string, Started> _started = new();
    private int _attempts;

    /// <summary>When set, starts throw this (a transient outage of the backend).</summary>
    public Exception? FailWith { get; set; }

    public int Attempts => _attempts;

    public IReadOnlyCollection<Started> Starts => [.. _started.Values.OrderBy(s => s.Order)];

    public Task<bool> StartAsync(Flow flow, IReadOnlyDictionary<string, object?> inputs, StartOptions options, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        if (FailWith is { } failure)
        {
            throw failure;
        }

        var id = options.ExecutionId ?? throw new ArgumentException("no id", nameof(options));
        var order = _started.Count;
        return Task.FromResult(_started.TryAdd(id, new Started(id, flow, inputs, options, order)));
    }

    public void Seed(string executionId, Flow flow) =>
        _started.TryAdd(executionId, new Started(executionId, flow, new Dictionary<string, object?>(), new StartOptions { ExecutionId = executionId }, -1));

    public sealed record Started(string Id, Flow Flow, IReadOnlyDictionary<string, object?> Inputs, StartOptions Options, int Order)
    {
        public string? Variable(string name) => Options.Trigger?.GetValueOrDefault(name) as string;
    }
}

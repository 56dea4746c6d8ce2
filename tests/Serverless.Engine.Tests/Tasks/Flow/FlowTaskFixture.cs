using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Durable.Embedded;
using Serverless.Engine.Activities;
using Serverless.Engine.Executions;
using Serverless.Engine.Flows;
using Serverless.Engine.Parsing;
using Serverless.Engine.Storage;
using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Tasks.Flow;

/// <summary>
/// One embedded engine for the flowables that need the worker: local storage in a temporary folder, an
/// in-memory flow resolver the tests add child flows to, and a probe that sees every execution end.
/// </summary>
public sealed class FlowTaskFixture : IAsyncLifetime
{
    private EmbeddedEngine? _engine;

    public string Root { get; } = Directory.CreateTempSubdirectory("flows-flowtask-tests-").FullName;

    public RecordingLogSink Logs { get; } = new();

    public InMemoryFlowResolver Flows { get; } = new();

    public EndedExecutions Ended { get; } = new();

    public StorageStores Stores { get; private set; } = null!;

    public EmbeddedEngine Engine => _engine ?? throw new InvalidOperationException("The engine has not started.");

    public async Task InitializeAsync()
    {
        Stores = LocalStores.Create(Root);
        _engine = await EmbeddedEngine.StartAsync(Logs, services =>
        {
            services.AddFlowStorage(Stores);
            services.AddSingleton<IFlowResolver>(Flows);
            services.AddSingleton<IExecutionListener>(Ended);
        });
    }

    public async Task DisposeAsync()
    {
        if (_engine is not null)
        {
            await _engine.DisposeAsync();
        }

        Directory.Delete(Root, recursive: true);
    }

    /// <summary>Parses <paramref name="yaml"/>, runs it and waits for the end.</summary>
    public async Task<Execution> RunAsync(string yaml, IReadOnlyDictionary<string, object?>? inputs = null)
    {
        var flow = FlowParser.Default.ParseValid(yaml);
        var id = await Engine.Executions.StartAsync(flow, inputs ?? new Dictionary<string, object?>());
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await Engine.Executions.WaitAsync(id, timeout.Token);
    }

    public IReadOnlyList<string> LogMessages(string executionId) => [.. Logs.For(executionId).Select(l => l.Message)];

    public async Task<string> ReadInternalAsync(string uri)
    {
        await using var stream = await Stores.InternalStorage.OpenReadAsync(new Uri(uri));
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class FlowTaskCollection : ICollectionFixture<FlowTaskFixture>
{
    public const string Name = "Flowable task engine";
}

/// <summary>Child flows by namespace and id, added by the tests (revision from the YAML, 1 by default).</summary>
public sealed class InMemoryFlowResolver : IFlowResolver
{
    private readonly ConcurrentDictionary<(string, string), ResolvedFlow> _flows = new();

    public void Add(string yaml)
    {
        var flow = FlowParser.Default.ParseValid(yaml);
        _flows[(flow.Namespace, flow.Id)] = new ResolvedFlow(yaml, flow.Revision);
    }

    public Task<ResolvedFlow?> FindAsync(FlowReference reference, CancellationToken cancellationToken)
    {
        var found = _flows.GetValueOrDefault((reference.Namespace, reference.FlowId));
        return Task.FromResult(reference.Revision is { } revision && found?.Revision != revision ? null : found);
    }
}

/// <summary>Every execution that ended, so tests can wait for detached children by their parent.</summary>
public sealed class EndedExecutions : IExecutionListener
{
    private readonly ConcurrentDictionary<string, Execution> _ended = new();
    private readonly Lock _gate = new();
    private readonly List<(string ParentId, int Count, TaskCompletionSource Done)> _waiters = [];

    public Task OnEndedAsync(Execution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        _ended[execution.Id] = execution;
        lock (_gate)
        {
            foreach (var waiter in _waiters.Where(w => ChildrenOf(w.ParentId).Count >= w.Count))
            {
                waiter.Done.TrySetResult();
            }
        }

        return Task.CompletedTask;
    }

    public IReadOnlyList<Execution> ChildrenOf(string parentId) => [.. _ended.Values.Where(e => e.ParentId == parentId)];

    /// <summary>The ended children of <paramref name="parentId"/> once there are <paramref name="count"/> (fails after a minute).</summary>
    public async Task<IReadOnlyList<Execution>> WaitForChildrenAsync(string parentId, int count)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((parentId, count, done));
            if (ChildrenOf(parentId).Count >= count)
            {
                done.TrySetResult();
            }
        }

        await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return ChildrenOf(parentId);
    }
}

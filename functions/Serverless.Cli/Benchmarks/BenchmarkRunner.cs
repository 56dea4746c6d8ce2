using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Durable.Embedded;
using Serverless.Engine.Executions;
using Serverless.Engine.Hosting;
using Serverless.Engine.Parsing;
using Serverless.Engine.Storage;

namespace Serverless.Cli.Benchmarks;

/// <summary>
/// Runs the performance scenarios of issue 7 on the embedded engine and returns one row each. Every scenario
/// also checks its result (final state, task-run count), so the quick mode is a regression guard that never
/// asserts on time.
/// </summary>
internal sealed partial class BenchmarkRunner : IAsyncDisposable
{
    private readonly EmbeddedDurableHost _host;
    private readonly string _storageRoot;
    private readonly Action<string> _progress;

    private BenchmarkRunner(EmbeddedDurableHost host, string storageRoot, BenchmarkSizes sizes, Action<string> progress)
    {
        _host = host;
        _storageRoot = storageRoot;
        Sizes = sizes;
        _progress = progress;
        Executions = new ExecutionClient(host.Client, storage: host.Services.GetService<Engine.Storage.IInternalStorage>());
    }

    public BenchmarkSizes Sizes { get; }

    private ExecutionClient Executions { get; }

    /// <summary>Starts the embedded host with the engine and the hand-written baseline registered side by side.</summary>
    public static async Task<BenchmarkRunner> StartAsync(BenchmarkSizes sizes, Action<string> progress, CancellationToken cancellationToken)
    {
        var root = Directory.CreateTempSubdirectory("flows-bench-").FullName;
        var stores = LocalStores.Create(root);
        var host = await EmbeddedDurableHost.StartAsync(
            registry =>
            {
                registry.AddFlowEngine();
                registry.AddOrchestrator<BaselineOrchestration>(BaselineOrchestration.Name);
            },
            services => services.AddFlowStorage(stores).AddFlowEngine(),
            cancellationToken: cancellationToken);
        return new BenchmarkRunner(host, root, sizes, progress);
    }

    /// <summary>The scenario keys <c>--only</c> accepts, in the issue's order.</summary>
    public static IReadOnlyList<string> ScenarioKeys { get; } = ["latency", "sequential", "foreach", "shell", "parse", "schedule", "throughput"];

    /// <summary>Every scenario in the issue's order, or only those named in <paramref name="only"/>.</summary>
    public async Task<IReadOnlyList<BenchmarkRow>> RunAsync(IReadOnlyCollection<string> only, CancellationToken cancellationToken)
    {
        var rows = new List<BenchmarkRow>();
        async Task Add(string key, string name, Func<Task<IEnumerable<BenchmarkRow>>> scenario)
        {
            if (only.Count > 0 && !only.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                return;
            }

            _progress(name);
            rows.AddRange(await scenario());
        }

        await Add("latency", "2-task flow", async () => [await TwoTaskFlowAsync(cancellationToken)]);
        await Add("sequential", "sequential vs hand-written", async () => await SequentialAsync(cancellationToken));
        await Add("foreach", "ForEach", async () => await ForEachAsync(cancellationToken));
        await Add("shell", "Shell task vs raw spawn", async () => [await ShellAsync(cancellationToken)]);
        await Add("parse", "parse + validate", () => Task.FromResult<IEnumerable<BenchmarkRow>>([ParseAndValidate()]));
        await Add("schedule", "schedule tick", () => Task.FromResult<IEnumerable<BenchmarkRow>>([ScheduleTick()]));
        await Add("throughput", "throughput", async () => [await ThroughputAsync(cancellationToken)]);
        return rows;
    }

    /// <summary>Runs a flow to its end and checks it succeeded with the expected number of task runs.</summary>
    private async Task<TimeSpan> RunFlowAsync(string yaml, int expectedTaskRuns, CancellationToken cancellationToken)
    {
        var flow = FlowCacheForBench.Get(yaml);
        var watch = Stopwatch.StartNew();
        var id = await Executions.StartAsync(flow, new Dictionary<string, object?>(), cancellationToken: cancellationToken);
        var execution = await Executions.WaitAsync(id, cancellationToken);
        watch.Stop();
        if (execution.State.Current != State.SUCCESS || execution.TaskRunList.Count != expectedTaskRuns)
        {
            throw new BenchmarkFailedException(
                $"{flow.Id}: {execution.State.Current} with {execution.TaskRunList.Count} task runs, expected SUCCESS with {expectedTaskRuns}{(execution.Error is null ? "" : ": " + execution.Error)}");
        }

        return watch.Elapsed;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Ms(double milliseconds) => milliseconds < 10 ? $"{milliseconds:F2} ms" : $"{milliseconds:F0} ms";

    private bool? Check(bool met) => Sizes.IsQuick ? null : met;

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        try
        {
            Directory.Delete(_storageRoot, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>Benchmarks parse each generated flow once, outside the measured time.</summary>
    private static class FlowCacheForBench
    {
        private static readonly Dictionary<string, Engine.Flows.Flow> Flows = [];

        public static Engine.Flows.Flow Get(string yaml)
        {
            lock (Flows)
            {
                if (!Flows.TryGetValue(yaml, out var flow))
                {
                    flow = FlowParser.Default.ParseValid(yaml);
                    Flows[yaml] = flow;
                }

                return flow;
            }
        }
    }
}

using System.CommandLine;
using System.Text.Json;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Cli.Terminal;
using Serverless.Durable.Embedded;
using Serverless.Durable.Embedded.AzureStorage;
using Serverless.Engine.Azure.Storage;
using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Flows;
using Serverless.Engine.Inputs;
using Serverless.Engine.Orchestration;
using Serverless.Engine.Parsing;
using Serverless.Engine.Storage;
using Serverless.Engine.Tasks.Flow;

namespace Serverless.Cli.Commands;

/// <summary>
/// <c>flows run FLOW.yaml</c>: runs a flow on the embedded engine, showing task runs as they change on stderr,
/// then a table of task runs and the outputs (or, with <c>--json</c>, only the execution JSON on stdout).
/// </summary>
internal static class RunCommand
{
    /// <summary>The shell convention for a command stopped by Ctrl+C (128 + SIGINT).</summary>
    private const int InterruptedExitCode = 130;

    public static Command Create()
    {
        var file = new Argument<string>("flow") { Description = "The flow's YAML file." };
        var inputs = new Option<string[]>("--input", "-i")
        {
            Description = "An input value as key=value (repeatable). JSON inputs take JSON text.",
            AllowMultipleArgumentsPerToken = false,
        };
        var flows = new Option<string?>("--flows") { Description = "A folder of other flows, for Subflow tasks (default: the flow file's folder)." };
        var storage = new Option<string?>("--storage")
        {
            Description = "Where namespace files, KV and execution files live: local (default, ./.flows), local:PATH, azurite, a blob service URL or a connection string. Default: $FLOWS_STORAGE or local.",
        };
        var backend = new Option<string?>("--backend")
        {
            Description = $"Durable backend: memory (default) or azurestorage (on the --storage account; the run survives a restart of the host). Default: ${DurableHosting.Variable}, else memory.",
        };
        var json = new Option<bool>("--json") { Description = "Print only the final execution as JSON on stdout (Kestra's API shape)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress or logs on stderr." };
        var command = new Command("run", "Run a flow on the embedded engine and wait for it to end. Exit 0 for SUCCESS or WARNING, 1 otherwise, 130 when interrupted (Ctrl+C, SIGTERM).")
        {
            file, inputs, flows, storage, backend, json, quiet,
        };
        command.SetAction((result, cancellation) => RunAsync(
            new RunSettings(result.GetValue(file)!, result.GetValue(inputs) ?? [], result.GetValue(flows), result.GetValue(storage), result.GetValue(json), result.GetValue(quiet)) { Backend = result.GetValue(backend) },
            cancellation));
        return command;
    }

    private sealed record RunSettings(string Path, string[] Inputs, string? FlowsDirectory, string? Storage, bool Json, bool Quiet)
    {
        public string? Backend { get; init; }
    }

    private static async Task<int> RunAsync(RunSettings settings, CancellationToken cancellation)
    {
        var (path, inputArgs, flowsDir, _, json, quiet) = settings;
        var stderr = Consoles.Stderr();
        if (!File.Exists(path))
        {
            stderr.Error($"{path}: no such file. Give the path of a flow YAML file, e.g. examples/hello.yaml");
            return 1;
        }

        var parsed = FlowParser.Default.Parse(await File.ReadAllTextAsync(path, cancellation));
        if (!parsed.IsValid)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.Error(error.Format(path));
            }

            stderr.Plain($"{path} is not a valid flow; fix the errors above (flows validate {path} checks it without running).");
            return 1;
        }

        if (!TryReadInputs(inputArgs, stderr, out var inputs))
        {
            return 1;
        }

        StorageOptions storageOptions;
        EngineHostOptions hosting;
        try
        {
            storageOptions = EngineStorage.Parse(settings.Storage);
            hosting = DurableHosting.Create(DurableHosting.Parse(settings.Backend), storageOptions, "");
        }
        catch (ArgumentException e)
        {
            stderr.Error(e.Message);
            return 1;
        }

        var flowsFolder = flowsDir ?? Path.GetDirectoryName(Path.GetFullPath(path))!;
        var logs = quiet ? null : new ConsoleLogSink(stderr);
        await using var engine = await EmbeddedEngine.StartAsync(hosting, logs, services =>
        {
            services.AddFlowStorage(StorageFactory.Create(storageOptions));
            services.AddSingleton<IFlowResolver>(new DirectoryFlowResolver(flowsFolder));
        }, cancellation);
        string executionId;
        try
        {
            executionId = await engine.Executions.StartAsync(parsed.Flow!, inputs, cancellationToken: cancellation);
        }
        catch (InputValidationException e)
        {
            foreach (var error in e.Errors)
            {
                stderr.Error(error.ToString());
            }

            stderr.Plain("Pass inputs with --input key=value.");
            return 1;
        }

        if (!quiet)
        {
            stderr.Dim($"execution {executionId} of {parsed.Flow!.Namespace}.{parsed.Flow.Id} started");
        }

        var interactive = !json && !Console.IsInputRedirected && !Console.IsErrorRedirected;
        Execution execution;
        try
        {
            execution = await WaitWithProgressAsync(engine.Executions, executionId, quiet ? null : stderr, interactive ? parsed.Flow! : null, cancellation);
        }
        catch (Exception e) when (cancellation.IsCancellationRequested && e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
            stderr.Warn(hosting.Backend == DurableBackend.AzureStorage
                ? $"interrupted: execution {executionId} stays in the task hub and continues when a host on the same storage starts (flows serve --backend azurestorage)."
                : $"interrupted: execution {executionId} stopped with the process (the in-memory engine keeps nothing; use --backend azurestorage to survive restarts).");
            return InterruptedExitCode;
        }

        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(execution, WireJson.Indented));
        }
        else
        {
            ExecutionView.Summary(Consoles.Stdout(), execution);
        }

        return execution.State.Current is State.SUCCESS or State.WARNING ? 0 : 1;
    }

    private static async Task<Execution> WaitWithProgressAsync(ExecutionClient client, string executionId, CliConsole? console, Flow? promptFor, CancellationToken cancellation)
    {
        var completion = client.WaitAsync(executionId, cancellation);
        if (console is null)
        {
            return await completion;
        }

        var shown = new Dictionary<string, (State, int)>();
        using var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (!completion.IsCompleted)
        {
            await Task.WhenAny(completion, ticks.WaitForNextTickAsync(cancellation).AsTask());
            var progress = completion.IsCompleted ? null : await client.GetProgressAsync(executionId, cancellation);
            foreach (var entry in progress?.Recent ?? [])
            {
                if (ShowChange(console, shown, entry) && entry.State == State.PAUSED)
                {
                    await OnPausedAsync(client, executionId, entry, console, promptFor, cancellation);
                }
            }
        }

        var execution = await completion;
        foreach (var run in execution.TaskRunList)
        {
            ShowChange(console, shown, new ProgressEntry(run.Id, run.TaskId, run.Value, run.State.Current, run.Attempts.Count, run.State.StartDate, run.State.EndDate));
        }

        return execution;
    }

    /// <summary>Shows a task run whose state changed; true when it did.</summary>
    private static bool ShowChange(CliConsole console, Dictionary<string, (State, int)> shown, ProgressEntry entry)
    {
        if (shown.TryGetValue(entry.Id, out var seen) && seen == (entry.State, entry.Attempts))
        {
            return false;
        }

        shown[entry.Id] = (entry.State, entry.Attempts);
        if (entry.State.IsTerminated() || entry.State is State.RUNNING or State.PAUSED)
        {
            ExecutionView.Progress(console, entry);
        }

        return true;
    }

    /// <summary>On a terminal, asks for the pause's inputs and resumes; otherwise says how the pause will end.</summary>
    private static async Task OnPausedAsync(ExecutionClient client, string executionId, ProgressEntry paused, CliConsole console, Flow? flow, CancellationToken cancellation)
    {
        var task = flow?.AllTasks().FirstOrDefault(t => t.Id == paused.TaskId);
        if (task is null)
        {
            console.Warn($"execution paused at '{paused.TaskId}': it resumes after its delay or timeout (run in a terminal to resume it by hand, or use flows serve and flows resume).");
            return;
        }

        while (true)
        {
            var inputs = ResumePrompt.Ask(console, task);
            try
            {
                PauseTask.ValidateResumeInputs(task, inputs, TimeProvider.System);
                await client.ResumeAsync(executionId, inputs, paused.Id, cancellation);
                return;
            }
            catch (InputValidationException e)
            {
                console.Error(e.Message);
            }
        }
    }

    /// <summary>Reads <c>key=value</c> pairs; a value stays text and is typed by the flow's input definition.</summary>
    internal static bool TryReadInputs(IEnumerable<string> pairs, CliConsole console, out Dictionary<string, object?> inputs)
    {
        inputs = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                console.Error($"--input '{pair}': expected key=value, e.g. --input name=World");
                return false;
            }

            inputs[pair[..equals]] = pair[(equals + 1)..];
        }

        return true;
    }
}

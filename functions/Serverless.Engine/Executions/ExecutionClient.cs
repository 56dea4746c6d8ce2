using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Serverless.Engine.Contracts;
using Serverless.Engine.Flows;
using Serverless.Engine.Inputs;
using Serverless.Engine.Orchestration;
using Serverless.Engine.Storage;

namespace Serverless.Engine.Executions;

/// <summary>
/// Starts, reads and controls executions through a Durable Task client. Shared by every host (CLI, local
/// server, Functions app) so they all speak to orchestrations the same way.
/// </summary>
public sealed class ExecutionClient
{
    private readonly DurableTaskClient _client;
    private readonly InputResolver _inputs;
    private readonly IInternalStorage? _storage;

    /// <param name="client">The Durable client of the host.</param>
    /// <param name="inputs">Input resolution (defaults to the system clock).</param>
    /// <param name="storage">Internal storage, to read back the task runs of very large executions.</param>
    public ExecutionClient(DurableTaskClient client, InputResolver? inputs = null, IInternalStorage? storage = null)
    {
        _client = client;
        _inputs = inputs ?? new InputResolver();
        _storage = storage;
    }

    public DurableTaskClient Durable => _client;

    /// <summary>
    /// Resolves inputs and starts an execution of <paramref name="flow"/>. Throws <see cref="InputValidationException"/>
    /// before anything starts when an input is bad.
    /// </summary>
    public async Task<string> StartAsync(Flow flow, IReadOnlyDictionary<string, object?> inputs, StartOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(flow);
        options ??= new StartOptions();
        var request = new ExecutionRequest
        {
            ExecutionId = options.ExecutionId ?? ExecutionIds.New(),
            FlowSource = flow.Source,
            FlowRevision = flow.Revision,
            Inputs = _inputs.Resolve(flow, inputs),
            Labels = options.Labels ?? [],
            Trigger = options.Trigger,
            ParentExecutionId = options.ParentExecutionId,
        };
        var start = new StartOrchestrationOptions(request.ExecutionId, options.ScheduleDate);
        await _client.ScheduleNewOrchestrationInstanceAsync(OrchestrationNames.Flow, request, start, cancellationToken);
        return request.ExecutionId;
    }

    /// <summary>The execution's live progress, or null if no such execution exists.</summary>
    public async Task<ProgressSnapshot?> GetProgressAsync(string executionId, CancellationToken cancellationToken = default)
    {
        var metadata = await _client.GetInstanceAsync(executionId, getInputsAndOutputs: true, cancellationToken);
        return ExecutionResults.Progress(metadata);
    }

    /// <summary>Waits for the execution to end and returns it.</summary>
    public async Task<Execution> WaitAsync(string executionId, CancellationToken cancellationToken = default)
    {
        var metadata = await _client.WaitForInstanceCompletionAsync(executionId, getInputsAndOutputs: true, cancellationToken);
        return await TaskRunArchive.LoadAsync(_storage, ExecutionResults.From(metadata), cancellationToken);
    }

    /// <summary>The execution as it stands, or null if unknown.</summary>
    public async Task<Execution?> GetAsync(string executionId, CancellationToken cancellationToken = default)
    {
        var metadata = await _client.GetInstanceAsync(executionId, getInputsAndOutputs: true, cancellationToken);
        return metadata is null ? null : await TaskRunArchive.LoadAsync(_storage, ExecutionResults.From(metadata), cancellationToken);
    }

    /// <summary>Resumes a paused execution with the given inputs (delivered once: a second resume is ignored by the orchestration).</summary>
    public Task ResumeAsync(string executionId, IReadOnlyDictionary<string, object?>? inputs, string? taskRunId = null, CancellationToken cancellationToken = default) =>
        _client.RaiseEventAsync(executionId, OrchestrationNames.ResumeEvent, new ResumeRequest { Inputs = inputs, TaskRunId = taskRunId }, cancellationToken);

    /// <summary>Kills a running execution.</summary>
    public Task KillAsync(string executionId, CancellationToken cancellationToken = default) =>
        _client.TerminateInstanceAsync(executionId, new TerminateInstanceOptions { Output = "KILLED", Recursive = true }, cancellationToken);
}

/// <summary>How to start an execution, beyond its flow and inputs.</summary>
public sealed record StartOptions
{
    public string? ExecutionId { get; init; }

    public IReadOnlyList<Label>? Labels { get; init; }

    public IReadOnlyDictionary<string, object?>? Trigger { get; init; }

    public string? ParentExecutionId { get; init; }

    public DateTimeOffset? ScheduleDate { get; init; }
}

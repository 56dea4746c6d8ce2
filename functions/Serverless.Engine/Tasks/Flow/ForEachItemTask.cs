using System.Globalization;
using Microsoft.DurableTask;
using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Orchestration;

namespace Serverless.Engine.Tasks.Flow;

/// <summary>
/// <c>io.kestra.plugin.core.flow.ForEachItem</c>: splits a file of internal storage into batches of lines and
/// runs one execution of another flow per batch. <c>inputs</c> are rendered per batch, with
/// <c>{{ taskrun.items }}</c> the batch file's kestra:// URI and <c>{{ taskrun.iteration }}</c> its number
/// (from 1).
/// <code>
/// - id: each
///   type: io.kestra.plugin.core.flow.ForEachItem
///   items: "{{ outputs.extract.uri }}"
///   batch:
///     rows: 100
///   namespace: company.team
///   flowId: process-batch
///   inputs:
///     file: "{{ taskrun.items }}"
/// </code>
/// Outputs: <c>numberOfBatches</c>, <c>iterations</c> (subflow executions per final state) and, with
/// <c>wait</c>, <c>uri</c>: a file with each subflow's outputs as one JSON object per line, in batch order.
/// </summary>
/// <remarks>
/// Kestra shows three task runs (<c>{id}_split</c>, <c>{id}_items</c>, <c>{id}_merge</c>); here there is
/// one, for the ForEachItem itself. The split and the merge are activities; the subflows are
/// sub-orchestrations, at most <see cref="MaxConcurrentSubflows"/> at once.
/// </remarks>
public sealed class ForEachItemTask : FlowableTaskType
{
    /// <summary>How many batches run at once when waiting; Kestra starts them all, a serverless worker should not.</summary>
    public const int MaxConcurrentSubflows = 10;

    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.flow.ForEachItem", "io.kestra.core.tasks.flows.ForEachItem"];

    public override IReadOnlyList<PropertySpec> Properties { get; } =
    [
        PropertySpec.String("items", required: true),
        PropertySpec.Map("batch"),
        PropertySpec.String("namespace", required: true),
        PropertySpec.String("flowId", required: true),
        PropertySpec.Integer("revision"),
        PropertySpec.Map("inputs"),
        PropertySpec.Any("labels"),
        PropertySpec.Boolean("wait"),
        PropertySpec.Boolean("transmitFailed"),
        PropertySpec.Boolean("inheritLabels"),
        PropertySpec.String("scheduleDate"),
        PropertySpec.String("restartBehavior"),
    ];

    public override async Task<State> ExecuteAsync(FlowableRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var split = await run.Context.CallActivityAsync<SplitItemsResult>(OrchestrationNames.SplitItems, SplitRequest(run));
        if (split.Failure is { } failure)
        {
            return run.Fail(failure.Message);
        }

        if (await Subflows.ResolveAsync(run, Subflows.Reference(run)) is not { } child)
        {
            return State.FAILED;
        }

        var requests = new List<ExecutionRequest>(split.Uris.Count);
        for (var i = 0; i < split.Uris.Count; i++)
        {
            if (Subflows.BuildRequest(run, child, BatchInputs(run, split.Uris[i], i + 1), $" for batch {i + 1}") is not { } request)
            {
                return State.FAILED;
            }

            requests.Add(request);
        }

        var outputs = new Dictionary<string, object?> { ["numberOfBatches"] = (long)requests.Count };
        if (!Truthiness.ToBool(run.RenderProperty("wait"), true))
        {
            await Task.WhenAll(requests.Select(r => Subflows.StartDetachedAsync(run, r)));
            outputs["iterations"] = new Dictionary<string, object?> { [nameof(State.CREATED)] = (long)requests.Count };
            run.SetOutputs(outputs);
            return State.SUCCESS;
        }

        var executions = new Execution[requests.Count];
        var branches = requests.Select((request, i) => (Func<Task<State>>)(async () =>
        {
            executions[i] = await Subflows.RunChildAsync(run, request);
            return State.SUCCESS;
        })).ToList();
        await run.RunConcurrentlyAsync(branches, MaxConcurrentSubflows);

        var ended = executions.Where(e => e is not null).ToList();
        outputs["iterations"] = ended.GroupBy(e => e.State.Current).OrderBy(g => g.Key)
            .ToDictionary(g => g.Key.ToString(), g => (object?)(long)g.Count());
        outputs["uri"] = await run.Context.CallActivityAsync<string?>(OrchestrationNames.MergeItemOutputs, new MergeItemOutputsRequest
        {
            ExecutionId = run.ExecutionId,
            Namespace = run.Flow.Namespace,
            FlowId = run.Flow.Id,
            TaskId = run.Task.Id,
            TaskRunId = run.RunId,
            Lines = [.. ended.Where(e => e.Outputs is not null).Select(e => PlainValues.ToJson(e.Outputs))],
        });
        run.SetOutputs(outputs);
        return Outcome(run, ended);
    }

    /// <summary>SUCCESS unless <c>transmitFailed</c>: then the worst subflow's state (FAILED naming the first failed one).</summary>
    private static State Outcome(FlowableRun run, IReadOnlyList<Execution> ended)
    {
        if (!Truthiness.ToBool(run.RenderProperty("transmitFailed"), false))
        {
            return State.SUCCESS;
        }

        if (ended.FirstOrDefault(e => e.State.Current.IsFailure()) is { } failed)
        {
            var count = ended.Count(e => e.State.Current.IsFailure());
            return run.Fail($"{count} of {ended.Count} subflow executions failed; the first: {failed.Id} ended {failed.State.Current}{(failed.Error is null ? "" : ": " + failed.Error)}");
        }

        return ended.Any(e => e.State.Current == State.WARNING) ? State.WARNING : State.SUCCESS;
    }

    private static SplitItemsRequest SplitRequest(FlowableRun run)
    {
        var batch = run.RenderProperty("batch") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
        return new SplitItemsRequest
        {
            ExecutionId = run.ExecutionId,
            Namespace = run.Flow.Namespace,
            FlowId = run.Flow.Id,
            TaskId = run.Task.Id,
            TaskRunId = run.RunId,
            Items = run.RenderString("items") ?? "",
            Rows = ToInt(batch.GetValueOrDefault("rows"), "batch.rows"),
            Bytes = batch.GetValueOrDefault("bytes") is { } bytes ? Expressions.ExpressionEngine.ToText(bytes) : null,
            Partitions = ToInt(batch.GetValueOrDefault("partitions"), "batch.partitions"),
            Separator = batch.GetValueOrDefault("separator") is { } separator ? Expressions.ExpressionEngine.ToText(separator) : "\n",
        };
    }

    /// <summary>The task's <c>inputs</c> rendered for one batch: <c>taskrun.items</c> and <c>taskrun.iteration</c> added.</summary>
    private static IReadOnlyDictionary<string, object?>? BatchInputs(FlowableRun run, string uri, int iteration)
    {
        if (!run.Task.Properties.TryGetValue("inputs", out var raw))
        {
            return null;
        }

        var scope = run.Scope;
        var variables = new Dictionary<string, object?>(scope.Variables, StringComparer.Ordinal);
        var taskrun = variables.GetValueOrDefault("taskrun") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
        variables["taskrun"] = new Dictionary<string, object?>(taskrun, StringComparer.Ordinal) { ["items"] = uri, ["iteration"] = (long)iteration };
        return ValueRenderer.Render(raw, scope with { Variables = variables }) as IReadOnlyDictionary<string, object?>;
    }

    private static int? ToInt(object? value, string name)
    {
        try
        {
            return value is null ? null : Convert.ToInt32(value, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            throw new FlowableException($"'{name}' must be a number, not '{value}'");
        }
    }
}

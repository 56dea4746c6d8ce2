using Microsoft.DurableTask;
using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Expressions;
using Serverless.Engine.Flows;
using Serverless.Engine.Inputs;
using Serverless.Engine.Orchestration;

namespace Serverless.Engine.Tasks.Flow;

/// <summary>
/// <c>io.kestra.plugin.core.flow.Subflow</c>: runs another flow as a child execution — a sub-orchestration, so
/// it is durable and killed with its parent. With <c>wait</c> (default true) the parent waits and sees
/// <c>outputs.{id}.executionId</c>, <c>.state</c> and <c>.outputs</c> (the child's flow outputs); a failed
/// child fails this task only with <c>transmitFailed</c>.
/// <code>
/// - id: child
///   type: io.kestra.plugin.core.flow.Subflow
///   namespace: company.team
///   flowId: process-file
///   inputs:
///     file: "{{ outputs.extract.uri }}"
/// </code>
/// </summary>
public sealed class SubflowTask : FlowableTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.core.flow.Subflow", "io.kestra.core.tasks.flows.Subflow", "io.kestra.core.tasks.flows.Flow"];

    public override IReadOnlyList<PropertySpec> Properties { get; } =
    [
        PropertySpec.String("namespace", required: true),
        PropertySpec.String("flowId", required: true),
        PropertySpec.Integer("revision"),
        PropertySpec.Map("inputs"),
        PropertySpec.Any("labels"),
        PropertySpec.Boolean("wait"),
        PropertySpec.Boolean("transmitFailed"),
        PropertySpec.Boolean("inheritLabels"),
        PropertySpec.String("scheduleDate"),
        PropertySpec.Map("outputs"),
    ];

    public override async Task<State> ExecuteAsync(FlowableRun run)
    {
        var reference = new FlowReference(
            run.RenderString("namespace") ?? "",
            run.RenderString("flowId") ?? "",
            run.RenderProperty("revision") is { } r ? Convert.ToInt32(r, System.Globalization.CultureInfo.InvariantCulture) : null);
        var request = await PrepareAsync(run, reference, run.RenderProperty("inputs") as IReadOnlyDictionary<string, object?>);
        if (request is null)
        {
            return State.FAILED;
        }

        var outputs = new Dictionary<string, object?> { ["executionId"] = request.ExecutionId };
        if (!Truthiness.ToBool(run.RenderProperty("wait"), true))
        {
            await run.Context.CallActivityAsync<string>(OrchestrationNames.StartExecution, request);
            run.SetOutputs(outputs);
            return State.SUCCESS;
        }

        var child = await RunChildAsync(run, request);
        outputs["state"] = child.State.Current.ToString();
        outputs["outputs"] = child.Outputs;
        run.SetOutputs(outputs);
        var transmit = Truthiness.ToBool(run.RenderProperty("transmitFailed"), false);
        return child.State.Current switch
        {
            State.FAILED or State.KILLED when transmit => run.Fail($"subflow execution {child.Id} ended {child.State.Current}{(child.Error is null ? "" : ": " + child.Error)}"),
            State.WARNING when transmit => State.WARNING,
            _ => State.SUCCESS,
        };
    }

    /// <summary>
    /// Finds the child flow and builds its execution request (inputs resolved against the child's
    /// definitions); null after failing the task run with the reason.
    /// </summary>
    internal static async Task<ExecutionRequest?> PrepareAsync(FlowableRun run, FlowReference reference, IReadOnlyDictionary<string, object?>? inputs)
    {
        var resolved = await run.Context.CallActivityAsync<ResolvedFlow?>(OrchestrationNames.ResolveFlow, reference);
        if (resolved is null)
        {
            run.Fail($"flow {reference.Namespace}.{reference.FlowId}{(reference.Revision is { } rev ? $" revision {rev}" : "")} not found");
            return null;
        }

        Flows.Flow child;
        IReadOnlyDictionary<string, object?> childInputs;
        try
        {
            child = FlowCache.Get(resolved.Source);
            childInputs = new InputResolver(new FixedClock(run.Now)).Resolve(child, inputs ?? new Dictionary<string, object?>());
        }
        catch (Exception e) when (e is InputValidationException or Parsing.FlowValidationException)
        {
            run.Fail($"cannot start {reference.Namespace}.{reference.FlowId}: {e.Message}");
            return null;
        }

        var labels = Truthiness.ToBool(run.RenderProperty("inheritLabels"), false) ? run.Labels.ToList() : [];
        labels.AddRange(ReadLabels(run.RenderProperty("labels")));
        return new ExecutionRequest
        {
            ExecutionId = ShortIds.From(run.Context.NewGuid()),
            FlowSource = resolved.Source,
            FlowRevision = resolved.Revision,
            Inputs = childInputs,
            Labels = labels,
            ParentExecutionId = run.ExecutionId,
            Trigger = new Dictionary<string, object?>
            {
                ["executionId"] = run.ExecutionId,
                ["namespace"] = run.Flow.Namespace,
                ["flowId"] = run.Flow.Id,
                ["taskRunId"] = run.RunId,
            },
        };
    }

    /// <summary>Runs the child as a sub-orchestration and returns its final execution.</summary>
    internal static async Task<Execution> RunChildAsync(FlowableRun run, ExecutionRequest request)
    {
        try
        {
            return await run.Context.CallSubOrchestratorAsync<Execution>(
                OrchestrationNames.Flow, request, new SubOrchestrationOptions { InstanceId = request.ExecutionId });
        }
        catch (TaskFailedException e)
        {
            return new Execution
            {
                Id = request.ExecutionId,
                Namespace = "",
                FlowId = "",
                State = StateInfo.Of(State.FAILED, run.Now),
                Error = e.FailureDetails.ErrorMessage,
            };
        }
    }

    private static IEnumerable<Label> ReadLabels(object? labels) => labels switch
    {
        IReadOnlyDictionary<string, object?> map => map.Select(p => new Label(p.Key, ExpressionEngine.ToText(p.Value))),
        IReadOnlyList<object?> list => list.OfType<IReadOnlyDictionary<string, object?>>()
            .Select(i => new Label(ExpressionEngine.ToText(i.GetValueOrDefault("key")), ExpressionEngine.ToText(i.GetValueOrDefault("value")))),
        _ => [],
    };
}

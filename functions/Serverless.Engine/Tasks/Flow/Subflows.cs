using Microsoft.DurableTask;
using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Expressions;
using Serverless.Engine.Flows;
using Serverless.Engine.Inputs;
using Serverless.Engine.Orchestration;

namespace Serverless.Engine.Tasks.Flow;

/// <summary>A child flow found for a Subflow or ForEachItem: its source (what the child execution runs) and its parsed form.</summary>
internal sealed record ChildFlow(FlowReference Reference, ResolvedFlow Resolved, Flows.Flow Flow)
{
    public string Name => $"{Reference.Namespace}.{Reference.FlowId}";
}

/// <summary>
/// Starting child executions from a flowable task (Subflow, ForEachItem): finding the flow, building the
/// request with the inputs resolved against the child's definitions, and running it as a sub-orchestration
/// (durable, killed with its parent) or starting it detached. Failures fail the task run with the reason.
/// </summary>
internal static class Subflows
{
    /// <summary>The flow the task's <c>namespace</c>, <c>flowId</c> and <c>revision</c> name.</summary>
    public static FlowReference Reference(FlowableRun run) => new(
        run.RenderString("namespace") ?? "",
        run.RenderString("flowId") ?? "",
        run.RenderProperty("revision") is { } r ? Convert.ToInt32(r, System.Globalization.CultureInfo.InvariantCulture) : null);

    /// <summary>Finds and parses the child flow; null after failing the task run.</summary>
    public static async Task<ChildFlow?> ResolveAsync(FlowableRun run, FlowReference reference)
    {
        var resolved = await run.Context.CallActivityAsync<ResolvedFlow?>(OrchestrationNames.ResolveFlow, reference);
        if (resolved is null)
        {
            run.Fail($"flow {reference.Namespace}.{reference.FlowId}{(reference.Revision is { } rev ? $" revision {rev}" : "")} not found");
            return null;
        }

        try
        {
            return new ChildFlow(reference, resolved, run.Flows.Get(resolved.Source));
        }
        catch (Parsing.FlowValidationException e)
        {
            run.Fail($"cannot start {reference.Namespace}.{reference.FlowId}: {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// The child's execution request, with <paramref name="inputs"/> resolved against its input definitions
    /// and the task's <c>labels</c> / <c>inheritLabels</c>; null after failing the task run (naming the input).
    /// </summary>
    public static ExecutionRequest? BuildRequest(FlowableRun run, ChildFlow child, IReadOnlyDictionary<string, object?>? inputs, string? context = null)
    {
        IReadOnlyDictionary<string, object?> childInputs;
        try
        {
            childInputs = new InputResolver(new FixedClock(run.Now)).Resolve(child.Flow, inputs ?? new Dictionary<string, object?>());
        }
        catch (InputValidationException e)
        {
            run.Fail($"cannot start {child.Name}{context}: {e.Message}");
            return null;
        }

        var labels = Truthiness.ToBool(run.RenderProperty("inheritLabels"), false) ? run.Labels.ToList() : [];
        labels.AddRange(ReadLabels(run.RenderProperty("labels")));
        return new ExecutionRequest
        {
            ExecutionId = ShortIds.From(run.Context.NewGuid()),
            FlowSource = child.Resolved.Source,
            FlowRevision = child.Resolved.Revision,
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

    /// <summary>Starts the child without waiting for it (<c>wait: false</c>): it lives on after this execution ends.</summary>
    public static Task StartDetachedAsync(FlowableRun run, ExecutionRequest request) =>
        run.Context.CallActivityAsync<string>(OrchestrationNames.StartExecution, request);

    /// <summary>Runs the child as a sub-orchestration and returns its final execution.</summary>
    public static async Task<Execution> RunChildAsync(FlowableRun run, ExecutionRequest request)
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

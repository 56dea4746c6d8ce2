using Serverless.Engine.Executions;
using Serverless.Engine.Orchestration;

namespace Serverless.Engine.Tasks.Flow;

/// <summary>
/// <c>io.kestra.plugin.core.flow.Subflow</c>: runs another flow as a child execution — a sub-orchestration, so
/// it is durable and killed with its parent. With <c>wait</c> (default true) the parent waits and sees
/// <c>outputs.{id}.executionId</c>, <c>.state</c> and <c>.outputs</c> (the child's flow outputs). A failed or
/// killed child fails this task, and a WARNING one makes it WARNING, unless <c>transmitFailed: false</c> (Kestra's
/// default is true, for every alias: <c>io.kestra.core.tasks.flows.Flow</c> is an alias of Subflow there).
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
        ArgumentNullException.ThrowIfNull(run);
        if (await Subflows.ResolveAsync(run, Subflows.Reference(run)) is not { } child
            || Subflows.BuildRequest(run, child, run.RenderProperty("inputs") as IReadOnlyDictionary<string, object?>) is not { } request)
        {
            return State.FAILED;
        }

        var outputs = new Dictionary<string, object?> { ["executionId"] = request.ExecutionId };
        if (!Truthiness.ToBool(run.RenderProperty("wait"), true))
        {
            await Subflows.StartDetachedAsync(run, request);
            run.SetOutputs(outputs);
            return State.SUCCESS;
        }

        var execution = await Subflows.RunChildAsync(run, request);
        outputs["state"] = execution.State.Current.ToString();
        outputs["outputs"] = execution.Outputs;
        run.SetOutputs(outputs);
        var transmit = Truthiness.ToBool(run.RenderProperty("transmitFailed"), true);
        return execution.State.Current switch
        {
            State.FAILED or State.KILLED when transmit => run.Fail($"subflow execution {execution.Id} ended {execution.State.Current}{(execution.Error is null ? "" : ": " + execution.Error)}"),
            State.WARNING when transmit => State.WARNING,
            _ => State.SUCCESS,
        };
    }
}

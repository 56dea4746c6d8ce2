using Serverless.Engine.Flows;
using Serverless.Engine.Tasks;
using Serverless.Engine.Tasks.Flow;

namespace Serverless.Engine.Validation;

/// <summary>A flow that starts itself as a subflow would start executions without end (Kestra rejects it too).</summary>
public static partial class FlowValidator
{
    private static void CheckRecursiveSubflows(Flow flow, TaskTypeRegistry types, ValidationContext context)
    {
        foreach (var (task, path) in TaskPaths.Of(flow, types))
        {
            // Only literal values can be compared: a templated namespace or flowId is known when the task runs.
            if (types.Find(task.Type) is SubflowTask or ForEachItemTask
                && task.Properties.GetValueOrDefault("namespace") is string ns && ns == flow.Namespace
                && task.Properties.GetValueOrDefault("flowId") is string flowId && flowId == flow.Id)
            {
                context.Add(task.PositionOf("flowId"), path + ".flowId",
                    $"recursive call to flow [{ns}.{flowId}]: a flow cannot start itself as a subflow; call another flow, or use a loop task (ForEach, LoopUntil) to repeat work");
            }
        }
    }
}

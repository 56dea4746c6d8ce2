using Microsoft.DurableTask;
using Serverless.Engine.Flows;

namespace Serverless.Engine.Activities;

/// <summary>
/// Looks up another flow's source for the orchestration (flows live in storage: reading them is I/O, so it
/// happens here, never in orchestration code). Null when no resolver is configured or the flow is unknown.
/// </summary>
public sealed class ResolveFlowActivity(IEnumerable<IFlowResolver> resolvers) : TaskActivity<FlowReference, ResolvedFlow?>
{
    public override async Task<ResolvedFlow?> RunAsync(TaskActivityContext context, FlowReference input)
    {
        foreach (var resolver in resolvers)
        {
            if (await resolver.FindAsync(input, CancellationToken.None) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}

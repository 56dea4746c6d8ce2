using Microsoft.DurableTask;
using Serverless.Engine.Contracts;

namespace Serverless.Engine.Activities;

/// <summary>Starts a detached execution (Subflow with <c>wait: false</c>) through the host's <see cref="IExecutionStarter"/>.</summary>
public sealed class StartExecutionActivity(IExecutionStarter starter) : TaskActivity<ExecutionRequest, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, ExecutionRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await starter.StartAsync(input, CancellationToken.None);
        return input.ExecutionId;
    }
}

using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Expressions;
using Serverless.Engine.Flows;

namespace Serverless.Engine.Orchestration;

/// <summary>Flow outputs: rendered once the tasks have ended; a render error fails the execution.</summary>
internal sealed partial class ExecutionRunner
{
    private Dictionary<string, object?>? RenderFlowOutputs(ref State state)
    {
        if (_flow.Outputs.Count == 0)
        {
            return null;
        }

        var variables = new Dictionary<string, object?>(_baseVariables, StringComparer.Ordinal) { ["outputs"] = _outputs.Root };
        var scope = new ExpressionScope(variables) { Now = Now };
        var outputs = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var output in _flow.Outputs)
        {
            try
            {
                var value = Tasks.ValueRenderer.Render(output.Value, scope);
                outputs[output.Id] = output.Type == "STRING" && value is not string and not null ? ExpressionEngine.ToText(value) : value;
            }
            catch (ExpressionException e)
            {
                _error ??= $"outputs.{output.Id}: {e.Message}";
                state = State.FAILED;
            }
        }

        return outputs;
    }
}

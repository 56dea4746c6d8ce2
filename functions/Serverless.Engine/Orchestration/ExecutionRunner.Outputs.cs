using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Expressions;
using Serverless.Engine.Flows;

namespace Serverless.Engine.Orchestration;

/// <summary>
/// Flow outputs: rendered once the tasks have ended. A render error fails the execution (and leaves it without
/// outputs, as Kestra does), unless the output says <c>required: false</c>: then it is left out.
/// </summary>
internal sealed partial class ExecutionRunner
{
    /// <summary>The rendered flow outputs, once rendered: <c>execution.outputs</c> for afterExecution tasks.</summary>
    private IReadOnlyDictionary<string, object?>? _flowOutputs;

    private Dictionary<string, object?>? RenderFlowOutputs(ref State state)
    {
        if (_flow.Outputs.Count == 0)
        {
            return null;
        }

        var variables = WithTasks(new Dictionary<string, object?>(_baseVariables, StringComparer.Ordinal)
        {
            ["execution"] = ExecutionVariable(),
            ["vars"] = Vars,
            ["outputs"] = _outputs.Root,
        });
        var scope = new ExpressionScope(variables) { Now = Now };
        var outputs = new Dictionary<string, object?>(StringComparer.Ordinal);
        var failed = false;
        foreach (var output in _flow.Outputs)
        {
            try
            {
                var value = Tasks.ValueRenderer.Render(output.Value, scope);
                outputs[output.Id] = output.Type == "STRING" && value is not string and not null ? ExpressionEngine.ToText(value) : value;
            }
            catch (ExpressionException e) when (output.Required)
            {
                _error ??= $"outputs.{output.Id}: {e.Message}";
                state = State.FAILED;
                failed = true;
            }
            catch (ExpressionException)
            {
                // An optional output that cannot be rendered is simply absent.
            }
        }

        _flowOutputs = failed || outputs.Count == 0 ? null : outputs;
        return _flowOutputs is null ? null : outputs;
    }
}

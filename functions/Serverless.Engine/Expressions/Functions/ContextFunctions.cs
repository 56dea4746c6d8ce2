using Serverless.Engine.Parsing;

namespace Serverless.Engine.Expressions;

/// <summary>
/// Deterministic built-ins that read only their arguments and the variables (<c>yaml</c>, <c>printContext</c>),
/// and the orchestration-side stand-ins of Kestra's random functions.
/// </summary>
internal static class ContextFunctions
{
    /// <summary>Kestra functions whose value changes on each call; the worker supplies the real ones.</summary>
    public static IReadOnlyList<string> RandomNames { get; } = ["uuid", "id", "nanoId", "randomInt"];

    /// <summary><c>yaml(text)</c>: the value a YAML document holds (map, list or scalar).</summary>
    public static object? Yaml(FunctionArguments args, Evaluator evaluator)
    {
        if (args.Get(0, "yaml") is not string text)
        {
            throw new ExpressionException("expects an argument 'yaml' of type string");
        }

        try
        {
            var stream = YamlLoader.Load(text);
            return stream.Documents.Count == 0 ? null : YamlValues.ToPlain(stream.Documents[0].RootNode, new ConversionBudget());
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or YamlBudgetException)
        {
            throw new ExpressionException($"invalid YAML: {e.Message}");
        }
    }

    /// <summary><c>printContext()</c>: every variable of the expression's context, as one map.</summary>
    public static object? PrintContext(FunctionArguments args, Evaluator evaluator) => evaluator.Scope.Variables;

    /// <summary>
    /// Replay must see the same values as the first run, so expressions evaluated by the orchestration cannot
    /// draw random values; the worker registers the real functions for the properties of runnable tasks.
    /// </summary>
    public static BuiltinFunction OrchestrationOnly(string name) => (_, _) => throw new ExpressionException(
        $"{name}() gives a new value on each call, so it is only available in the properties of runnable tasks " +
        "(rendered by the worker), not in flowable task properties, runIf/when, flow outputs or triggers; " +
        "compute it in a runnable task (e.g. an OutputValues task) and read its output");
}

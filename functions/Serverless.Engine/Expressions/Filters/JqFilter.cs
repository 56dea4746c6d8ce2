using Serverless.Engine.Expressions.Jq;

namespace Serverless.Engine.Expressions;

/// <summary>
/// The Pebble <c>jq</c> filter, as Kestra's <c>JqFilter</c>: the input (a JSON string is parsed first, as
/// Kestra's <c>readTree</c> does) runs through a full jq program (<see cref="JqProgram"/>) and the result is
/// always the list of every output; a null input gives null. Programs are compiled once and cached.
/// </summary>
internal static class JqFilter
{
    public static List<object?>? Run(object? input, string program, Evaluator evaluator)
    {
        if (input is null or Undefined)
        {
            return null;
        }

        JqProgram compiled;
        try
        {
            compiled = JqProgram.Parse(program);
        }
        catch (JqException ex)
        {
            throw new ExpressionException($"invalid jq expression '{program}': {ex.Message}", ex);
        }

        if (input is string text)
        {
            try
            {
                input = string.IsNullOrWhiteSpace(text) ? null : JqJson.Parse(text);
            }
            catch (JqRuntimeException ex)
            {
                throw new ExpressionException($"jq: unable to parse the input as JSON: {ex.Message}", ex);
            }
        }

        var options = new JqOptions
        {
            MaxSteps = Math.Max(1_000_000L, 20L * evaluator.Limits.MaxLoopIterations),
            MaxStringLength = evaluator.Limits.MaxOutputLength,
            Now = () => evaluator.Scope.Now,
        };
        try
        {
            var results = new List<object?>();
            foreach (var value in compiled.Stream(input, options))
            {
                evaluator.CheckSize(results.Count + 1);
                results.Add(JqValues.Export(value));
            }

            return results;
        }
        catch (JqRuntimeException ex)
        {
            throw new ExpressionException($"jq: failed to resolve '{program}': {ex.Message}", ex);
        }
    }
}

using Serverless.Engine.Expressions;
using Serverless.Engine.Flows;

namespace Serverless.Engine.Inputs;

/// <summary>
/// Turns the values a user gave (text from the CLI or a form, JSON values from the API) into typed inputs:
/// defaults applied, required inputs checked, each value converted and validated by its type. Every bad value
/// is reported, and nothing starts unless all are good.
/// </summary>
public sealed class InputResolver
{
    private readonly TimeProvider _clock;

    public InputResolver(TimeProvider? clock = null) => _clock = clock ?? TimeProvider.System;

    /// <summary>Resolves <paramref name="provided"/> against the flow's inputs; throws <see cref="InputValidationException"/> with every problem.</summary>
    public IReadOnlyDictionary<string, object?> Resolve(Flow flow, IReadOnlyDictionary<string, object?> provided)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(provided);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var errors = new List<InputError>();
        foreach (var unknown in provided.Keys.Where(k => flow.Inputs.All(i => i.Id != k)))
        {
            errors.Add(new InputError(unknown, $"the flow has no input '{unknown}' (it has: {string.Join(", ", flow.Inputs.Select(i => i.Id))})"));
        }

        foreach (var input in flow.Inputs)
        {
            var raw = provided.TryGetValue(input.Id, out var given) ? given : RenderDefault(input, values);
            if (raw is null or "")
            {
                if (input.Required && raw is null)
                {
                    errors.Add(new InputError(input.Id, $"missing required input of type {input.Type}"));
                }

                values[input.Id] = null;
                continue;
            }

            try
            {
                values[input.Id] = InputConverter.Convert(input, raw);
            }
            catch (FormatException e)
            {
                errors.Add(new InputError(input.Id, e.Message));
            }
        }

        return errors.Count == 0 ? values : throw new InputValidationException(errors);
    }

    private object? RenderDefault(InputDefinition input, Dictionary<string, object?> resolved)
    {
        if (input.Defaults is not string text || !ExpressionEngine.ContainsTemplate(text))
        {
            return input.Defaults;
        }

        try
        {
            var scope = new ExpressionScope(new Dictionary<string, object?> { ["inputs"] = resolved }) { Now = _clock.GetUtcNow() };
            return ExpressionEngine.Shared.RenderTyped(text, scope);
        }
        catch (ExpressionException e)
        {
            throw new InputValidationException([new InputError(input.Id, "its default does not render: " + e.Message)]);
        }
    }
}

using Serverless.Engine.Flows;
using Serverless.Engine.Tasks;
using Serverless.Engine.Triggers;
using Serverless.Engine.Validation;

namespace Serverless.Engine.Parsing;

/// <summary>The outcome of parsing a flow: the flow when it is valid, and every problem found.</summary>
public sealed record ParseResult(Flow? Flow, IReadOnlyList<FlowError> Errors)
{
    public bool IsValid => Flow is not null && Errors.Count == 0;

    /// <summary>Problems that leave the flow valid (e.g. a schedule that cannot fill a required input).</summary>
    public IReadOnlyList<FlowError> Warnings { get; init; } = [];
}

/// <summary>
/// Parses Kestra flow YAML into a <see cref="Flow"/> and validates it in the same pass, reporting every
/// problem with its line, column and property path. Never throws for bad input.
/// </summary>
public sealed class FlowParser
{
    /// <summary>Longest flow source accepted, in characters.</summary>
    public const int MaxSourceLength = 4 * 1024 * 1024;

    private readonly TaskTypeRegistry _tasks;
    private readonly TriggerTypeRegistry _triggers;

    public FlowParser(TaskTypeRegistry tasks, TriggerTypeRegistry triggers)
    {
        _tasks = tasks;
        _triggers = triggers;
    }

    /// <summary>A parser with the engine's built-in task and trigger types.</summary>
    public static FlowParser Default { get; } = new(TaskTypeRegistry.BuiltIn, TriggerTypeRegistry.BuiltIn);

    public TaskTypeRegistry TaskTypes => _tasks;

    /// <summary>Parses and validates <paramref name="source"/>.</summary>
    public ParseResult Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Length > MaxSourceLength)
        {
            return new(null, [new FlowError(SourcePosition.Start, "", $"the flow is {source.Length} characters long; the limit is {MaxSourceLength}")]);
        }

        var reader = new FlowReader(source, _tasks, _triggers);
        var flow = reader.Read();
        if (flow is not null)
        {
            FlowValidator.Validate(flow, _tasks, _triggers, reader.Context);
        }

        var errors = reader.Context.Sorted();
        return new(errors.Count == 0 ? flow : null, errors) { Warnings = reader.Context.SortedWarnings() };
    }

    /// <summary>Parses a flow that must be valid; throws <see cref="FlowValidationException"/> otherwise.</summary>
    public Flow ParseValid(string source)
    {
        var result = Parse(source);
        return result.IsValid ? result.Flow! : throw new FlowValidationException(result.Errors);
    }
}

/// <summary>A flow that did not validate, with all its errors.</summary>
public sealed class FlowValidationException(IReadOnlyList<FlowError> errors)
    : Exception("Invalid flow: " + string.Join("; ", errors.Select(e => $"{e.Position}: {e}")))
{
    public IReadOnlyList<FlowError> Errors { get; } = errors;
}

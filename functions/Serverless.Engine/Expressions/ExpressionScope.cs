namespace Serverless.Engine.Expressions;

/// <summary>
/// Everything an expression can see: the variables, the clock and the host functions.
/// </summary>
/// <remarks>
/// <see cref="Now"/> is supplied by the caller (the orchestration clock) so that rendering is deterministic
/// under replay; the engine never reads the system clock. Variables are read, never mutated: <c>{% set %}</c>
/// writes to a per-render scope layered on top of them.
/// </remarks>
public sealed record ExpressionScope(IReadOnlyDictionary<string, object?> Variables)
{
    /// <summary>What <c>now()</c> returns; the orchestration clock, so replays render the same text.</summary>
    public DateTimeOffset Now { get; init; }

    /// <summary>Host functions (secret, read, kv, ...) added to, or overriding, the built-in functions.</summary>
    public IReadOnlyDictionary<string, ExpressionFunction>? Functions { get; init; }

    /// <summary>Guards against hostile or runaway templates.</summary>
    public ExpressionLimits Limits { get; init; } = ExpressionLimits.Default;

    /// <summary>A scope over the given variables with default limits and a zero clock.</summary>
    public static ExpressionScope Of(IReadOnlyDictionary<string, object?> variables) => new(variables);
}

/// <summary>
/// A function callable from templates, e.g. <c>secret('KEY')</c>. Return values should use the expression
/// value model (null, bool, long, double, string, DateTimeOffset, lists, string-keyed maps); other CLR values
/// are normalised. Throwing <see cref="ExpressionException"/> gives the template author a clean message;
/// any other exception is wrapped with the template position.
/// </summary>
public delegate object? ExpressionFunction(FunctionArguments args, ExpressionScope scope);

/// <summary>
/// Caps that keep a template from hanging or exhausting memory. Each cap breach raises
/// <see cref="ExpressionException"/> rather than crashing the host.
/// </summary>
/// <param name="MaxLoopIterations">Total <c>for</c> iterations (and created range/list sizes) per render.</param>
/// <param name="MaxRecursionDepth">Nesting depth of the template and of <c>render()</c> calls.</param>
/// <param name="MaxOutputLength">Longest rendered text or intermediate string, in characters.</param>
public sealed record ExpressionLimits(int MaxLoopIterations, int MaxRecursionDepth, int MaxOutputLength)
{
    /// <summary>100,000 iterations, depth 100, 10 MB of text.</summary>
    public static ExpressionLimits Default { get; } = new(100_000, 100, 10 * 1024 * 1024);
}

using System.Collections.Concurrent;

namespace Serverless.Engine.Expressions.Jq;

/// <summary>Per-run settings: resource caps (a template must never hang a host), the clock and <c>$ENV</c>.</summary>
public sealed record JqOptions
{
    public static JqOptions Default { get; } = new();

    /// <summary>Evaluation steps (every expression evaluated and every value iterated counts one).</summary>
    public long MaxSteps { get; init; } = 5_000_000;

    /// <summary>Longest string built by interpolation or repetition.</summary>
    public int MaxStringLength { get; init; } = 10 * 1024 * 1024;

    /// <summary>
    /// The clock behind <c>now</c>; hosts pass the render's clock so orchestrations stay deterministic.
    /// </summary>
    public Func<DateTimeOffset> Now { get; init; } = () => TimeProvider.System.GetUtcNow();

    /// <summary>
    /// What <c>$ENV</c>/<c>env</c> return. Empty by default: the process environment holds the host's
    /// secrets and must not leak into a rendered flow.
    /// </summary>
    public IReadOnlyDictionary<string, object?> Environment { get; init; } = new OrderedMap();
}

/// <summary>
/// A compiled jq program (jq 1.7 semantics). <see cref="Parse"/> checks syntax and that every function,
/// variable and label is defined, throwing <see cref="JqException"/> with the position; <see cref="Run"/>
/// produces the stream of outputs. Instances are immutable and shared: <see cref="Parse"/> caches by text
/// because the Pebble <c>jq</c> filter asks for the same program on every render.
/// </summary>
public sealed class JqProgram
{
    private const int CacheLimit = 2048;
    private static readonly ConcurrentDictionary<string, JqProgram> Cache = new(StringComparer.Ordinal);

    private readonly JqNode _root;

    private JqProgram(string text, JqNode root)
    {
        Text = text;
        _root = root;
    }

    public string Text { get; }

    public static JqProgram Parse(string program)
    {
        ArgumentNullException.ThrowIfNull(program);
        if (Cache.TryGetValue(program, out var cached))
        {
            return cached;
        }

        JqNode root;
        try
        {
            root = JqParser.Parse(program);
        }
        catch (InsufficientExecutionStackException)
        {
            throw new JqException(program, 0, "program nested too deeply");
        }

        JqResolver.Check(program, root);
        var compiled = new JqProgram(program, root);
        if (Cache.Count >= CacheLimit)
        {
            Cache.Clear();
        }

        Cache[program] = compiled;
        return compiled;
    }

    /// <summary>
    /// Runs the program on an input (engine values are converted to jq's model) and returns every output,
    /// converted back: integral numbers as longs, objects as ordered maps. Errors surface as
    /// <see cref="JqRuntimeException"/>.
    /// </summary>
    public List<object?> Run(object? input, JqOptions? options = null)
    {
        var results = new List<object?>();
        foreach (var value in Stream(input, options))
        {
            results.Add(JqValues.Export(value));
        }

        return results;
    }

    /// <summary>The outputs in jq's own model (lazily; stops early when the caller stops).</summary>
    public IEnumerable<object?> Stream(object? input, JqOptions? options = null)
    {
        var interpreter = new JqInterpreter(options ?? JqOptions.Default);
        var imported = JqValues.Import(input);
        using var e = JqInterpreter.Defer(() => interpreter.Eval(_root, new Pv(imported, null), JqEnv.Empty, false)).GetEnumerator();
        while (true)
        {
            try
            {
                if (!e.MoveNext())
                {
                    yield break;
                }
            }
            catch (JqHaltException)
            {
                yield break;
            }
            catch (JqBreakException)
            {
                throw new JqRuntimeException("break");
            }
            catch (InsufficientExecutionStackException)
            {
                throw new JqRuntimeException("jq program nested or recursed too deeply", true);
            }

            yield return e.Current.V;
        }
    }
}

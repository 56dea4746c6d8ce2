namespace Serverless.Engine.Expressions;

/// <summary>
/// Kestra's Pebble expression language: <c>{{ expr }}</c> prints, <c>{% tag %}</c> control flow,
/// filters, functions and tests, with Kestra's strict undefined-variable semantics.
/// </summary>
/// <remarks>
/// A real lexer/parser/evaluator: templates are parsed once into an AST and cached (bounded LRU), so
/// rendering is cheap and thread-safe. Rendering is deterministic for a given scope (time comes from
/// <see cref="ExpressionScope.Now"/>), which makes it safe inside orchestrations. Every failure, including
/// limit breaches and host-function errors, surfaces as <see cref="ExpressionException"/> with a position.
/// </remarks>
public sealed partial class ExpressionEngine
{
    private const int CacheCapacity = 4096;
    private const string ExpressionKeyPrefix = "\u0001expr\u0001";

    private readonly TemplateCache _cache = new(CacheCapacity);

    /// <summary>The process-wide engine; safe to use from any thread.</summary>
    public static ExpressionEngine Shared { get; } = new();

    /// <summary>Number of parsed templates currently cached (for diagnostics and tests).</summary>
    internal int CachedCount => _cache.Count;

    /// <summary>True when the text has <c>{{</c> or <c>{%</c>, i.e. needs rendering at all.</summary>
    public static bool ContainsTemplate(string text) =>
        !string.IsNullOrEmpty(text)
        && (text.Contains("{{", StringComparison.Ordinal) || text.Contains("{%", StringComparison.Ordinal));

    /// <summary>How a value prints inside text (null → "", maps/lists → compact JSON, dates → ISO instant).</summary>
    public static string ToText(object? value) => ValueText.ToText(value is Undefined ? null : value);

    /// <summary>Renders the template to text; text without delimiters is returned unchanged.</summary>
    public string Render(string template, ExpressionScope scope)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(scope);
        if (!ContainsTemplate(template) && !template.Contains("{#", StringComparison.Ordinal))
        {
            return template;
        }

        return Guard(template, () =>
        {
            var parsed = GetTemplate(template);
            return new Evaluator(this, scope, template).Render(parsed);
        });
    }

    /// <summary>
    /// When the template is exactly one <c>{{ expr }}</c> (whitespace around allowed) returns the value itself
    /// (list, map, long, bool...), so <c>"{{ outputs.t.values }}"</c> can feed a typed property; otherwise
    /// renders text.
    /// </summary>
    public object? RenderTyped(string template, ExpressionScope scope)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(scope);
        if (!ContainsTemplate(template))
        {
            return Render(template, scope);
        }

        return Guard(template, () =>
        {
            var parsed = GetTemplate(template);
            var evaluator = new Evaluator(this, scope, template);
            return parsed.SingleExpression is { } single ? evaluator.EvaluateSingle(parsed, single) : evaluator.Render(parsed);
        });
    }

    /// <summary>Evaluates a bare expression such as <c>inputs.x == 1</c> (no delimiters) to its value.</summary>
    public object? Evaluate(string expression, ExpressionScope scope)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(scope);
        return Guard(expression, () =>
        {
            var parsed = _cache.GetOrAdd(ExpressionKeyPrefix + expression, key => Parser.ParseExpression(key[ExpressionKeyPrefix.Length..]));
            return new Evaluator(this, scope, expression).EvaluateSingle(parsed, parsed.SingleExpression!);
        });
    }

    /// <summary>Parses (or fetches from cache) a template. Throws <see cref="ExpressionException"/> on syntax errors.</summary>
    internal ParsedTemplate GetTemplate(string template) => _cache.GetOrAdd(template, Parser.ParseTemplate);

    private static T Guard<T>(string template, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (ExpressionException ex) when (ex.Template.Length == 0 && ex.Line == 0)
        {
            throw new ExpressionException(template, 0, 0, ex.Reason, ex.InnerException);
        }
        catch (ExpressionException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw new ExpressionException(template, 0, 0, ex.Message, ex);
        }
    }
}

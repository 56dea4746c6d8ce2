using System.Text;

namespace Serverless.Engine.Expressions;

/// <summary>
/// Walks a parsed template for one render. Holds the per-render state (local scopes from <c>for</c> and
/// <c>set</c>, loop and depth counters), so it is created per call and never shared between threads.
/// </summary>
internal sealed partial class Evaluator
{
    private readonly List<Dictionary<string, object?>> _locals = [new(StringComparer.Ordinal)];
    private readonly Counters _counters;

    public Evaluator(ExpressionEngine engine, ExpressionScope scope, string template, Counters? counters = null)
    {
        Engine = engine;
        Scope = scope;
        Template = template;
        _counters = counters ?? new Counters();
    }

    public ExpressionEngine Engine { get; }

    public ExpressionScope Scope { get; }

    public string Template { get; }

    public ExpressionLimits Limits => Scope.Limits;

    /// <summary>Counters shared by a render and the nested renders it triggers through <c>render()</c>.</summary>
    internal sealed class Counters
    {
        /// <summary>How deep expression evaluation is nested right now (long operator chains nest too).</summary>
        public int EvalDepth { get; set; }

        public int Iterations { get; set; }

        public int RenderDepth { get; set; }
    }

    public string Render(ParsedTemplate template)
    {
        CheckDepth(template);
        var sb = new StringBuilder();
        RenderNodes(template.Nodes, sb);
        return sb.ToString();
    }

    public object? EvaluateSingle(ParsedTemplate template, Expr expression)
    {
        CheckDepth(template);
        var value = Eval(expression);
        return value is Undefined ? null : value;
    }

    /// <summary>Renders another template with this scope and counters; used by <c>render()</c>.</summary>
    public string RenderNested(string template)
    {
        if (_counters.RenderDepth + 1 > Limits.MaxRecursionDepth)
        {
            throw new ExpressionException($"render() nested deeper than {Limits.MaxRecursionDepth} levels");
        }

        _counters.RenderDepth++;
        try
        {
            var parsed = Engine.GetTemplate(template);
            var nested = new Evaluator(Engine, Scope, template, _counters);
            foreach (var (key, value) in _locals.SelectMany(l => l))
            {
                nested._locals[0][key] = value;
            }

            return nested.Render(parsed);
        }
        finally
        {
            _counters.RenderDepth--;
        }
    }

    public ExpressionException Fail(int line, int column, string reason, Exception? inner = null) =>
        new(Template, line, column, reason, inner);

    private void CheckDepth(ParsedTemplate template)
    {
        if (template.Depth > Limits.MaxRecursionDepth)
        {
            throw Fail(1, 1, $"template nested {template.Depth} levels deep, more than the limit of {Limits.MaxRecursionDepth}");
        }
    }

    private void Append(StringBuilder sb, string text, Node at)
    {
        if (sb.Length + text.Length > Limits.MaxOutputLength)
        {
            throw Fail(at.Line, at.Column, $"rendered output exceeds the limit of {Limits.MaxOutputLength} characters");
        }

        sb.Append(text);
    }

    private void CountIteration(Node at)
    {
        if (++_counters.Iterations > Limits.MaxLoopIterations)
        {
            throw Fail(at.Line, at.Column, $"more than {Limits.MaxLoopIterations} loop iterations");
        }
    }

    /// <summary>Throws when a created collection would exceed the iteration limit (ranges, concatenations).</summary>
    public void CheckSize(long size)
    {
        if (size > Limits.MaxLoopIterations)
        {
            throw new ExpressionException($"collection of {size} items exceeds the limit of {Limits.MaxLoopIterations}");
        }
    }

    /// <summary>Throws when an intermediate string would exceed the output limit.</summary>
    public void CheckLength(string text)
    {
        if (text.Length > Limits.MaxOutputLength)
        {
            throw new ExpressionException($"string exceeds the limit of {Limits.MaxOutputLength} characters");
        }
    }
}

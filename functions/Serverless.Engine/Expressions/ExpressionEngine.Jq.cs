using Serverless.Engine.Expressions.Jq;

namespace Serverless.Engine.Expressions;

public sealed partial class ExpressionEngine
{
    /// <summary>
    /// The compile errors of every literal program a template hands to the <c>jq</c> filter, each placed at
    /// the offending character inside the template (the literal's position plus the error's position in the
    /// program), so validation can report a bad jq program before any run. Rendering still fails only when
    /// the filter runs, as in Kestra. Programs built at run time are not seen; unparsable templates yield none
    /// (their own parse error is the one to report).
    /// </summary>
    public IReadOnlyList<ExpressionException> JqErrors(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var errors = new List<ExpressionException>();
        if (!ContainsTemplate(template) || !template.Contains("jq", StringComparison.Ordinal))
        {
            return errors;
        }

        try
        {
            foreach (var expr in Expressions(GetTemplate(template).Nodes))
            {
                CollectJqErrors(template, expr, errors);
            }
        }
        catch (Exception e) when (e is ExpressionException or InsufficientExecutionStackException)
        {
            errors.Clear();
        }

        return errors;
    }

    private static void CollectJqErrors(string template, Expr expr, List<ExpressionException> errors)
    {
        ValueText.EnsureStack();
        if (expr is FilterExpr { Name: "jq" } filter &&
            filter.Arguments.FirstOrDefault(a => a.Name is null or "expression")?.Value is LiteralExpr { Value: string program } literal)
        {
            try
            {
                JqProgram.Parse(program);
            }
            catch (JqException ex)
            {
                // The literal's column is its opening quote; the program starts one character later.
                var line = literal.Line + ex.Line - 1;
                var column = ex.Line == 1 ? literal.Column + ex.Column : ex.Column;
                errors.Add(new ExpressionException(template, line, column, $"invalid jq expression: {ex.Reason}", ex));
            }
        }

        foreach (var child in Children(expr))
        {
            CollectJqErrors(template, child, errors);
        }
    }
}

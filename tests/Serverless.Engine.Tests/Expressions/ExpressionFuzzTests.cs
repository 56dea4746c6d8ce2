using System.Text;
using Serverless.Engine.Expressions;

namespace Serverless.Engine.Tests.Expressions;

public class ExpressionFuzzTests
{
    private static readonly string[] Fragments =
    [
        "{{", "}}", "{%", "%}", "{#", "#}", "{{-", "-}}", "{%-", "-%}", "if", "elseif", "else", "endif", "for", "in", "endfor",
        "set", "=", "raw", "endraw", "filter", "endfilter", "inputs", "outputs", ".", "x", "list", "map", "name", "[", "]", "(", ")",
        "{", "}", ",", ":", "?", "??", "???", "|", "upper", "join", "default", "date", "jq", "length", "split", "replace", "+", "-",
        "*", "/", "%", "~", "==", "!=", "<", ">", "and", "or", "not", "is", "defined", "null", "empty", "..", "'a'", "\"b#{1}\"",
        "0", "1", "2.5", "-1", "9999999999999999999", "true", "none", "range", "render", "now", "json", "'{\"a\":1}'", "loop",
        "index", " ", " ", " ", "\n", "text", "\\", "'", "\"", "#{", "@", "max", "'yyyy'", "'DAYS'", "dateAdd", "slice", "chunk",
    ];

    [Fact]
    public void Render_RandomTemplates_OnlyThrowExpressionException()
    {
        var random = new Random(20261126);
        var engine = new ExpressionEngine();
        var scope = TestScopes.Default() with { Limits = new ExpressionLimits(10_000, 50, 100_000) };
        var rendered = 0;

        for (var i = 0; i < 2000; i++)
        {
            var template = Generate(random);
            try
            {
                engine.Render(template, scope);
                engine.RenderTyped(template, scope);
                engine.RootVariables(template);
                rendered++;
            }
            catch (ExpressionException ex)
            {
                Assert.False(string.IsNullOrEmpty(ex.Message));
            }
            catch (Exception ex)
            {
                Assert.Fail($"Template `{template}` threw {ex.GetType().Name}: {ex.Message}");
            }
        }

        // The generator must produce some valid templates too, or the test only exercises error paths.
        Assert.InRange(rendered, 1, 2000);
    }

    private static string Generate(Random random)
    {
        var sb = new StringBuilder();
        if (random.Next(3) > 0)
        {
            sb.Append(random.Next(2) == 0 ? "{{ " : "{% if ");
        }

        var count = random.Next(1, 14);
        for (var i = 0; i < count; i++)
        {
            sb.Append(Fragments[random.Next(Fragments.Length)]).Append(random.Next(3) == 0 ? string.Empty : " ");
        }

        if (sb.ToString().StartsWith("{{ ", StringComparison.Ordinal))
        {
            sb.Append(" }}");
        }
        else if (sb.ToString().StartsWith("{% if ", StringComparison.Ordinal))
        {
            sb.Append(" %}y{% endif %}");
        }

        return sb.ToString();
    }
}

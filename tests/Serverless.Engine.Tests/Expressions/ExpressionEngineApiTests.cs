using System.Text.Json;
using Serverless.Engine.Expressions;

namespace Serverless.Engine.Tests.Expressions;

public class ExpressionEngineApiTests
{
    [Fact]
    public void RenderTyped_SingleExpression_ReturnsTypedValues()
    {
        var engine = ExpressionEngine.Shared;
        var scope = TestScopes.Default();

        Assert.Equal(1L, engine.RenderTyped("{{ inputs.x }}", scope));
        Assert.Equal(true, engine.RenderTyped("  {{ inputs.flag }}\n", scope));
        Assert.Equal(1.5, engine.RenderTyped("{{ inputs.price }}", scope));
        Assert.Null(engine.RenderTyped("{{ inputs.nothing }}", scope));
        Assert.Equal(new List<object?> { 1L, 2L, 3L }, Assert.IsAssignableFrom<IReadOnlyList<object?>>(engine.RenderTyped("{{ inputs.list }}", scope)));
        var map = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(engine.RenderTyped("{{ {'k': [1]} }}", scope));
        Assert.Equal(["k"], map.Keys);
        Assert.Equal(TestScopes.Now, engine.RenderTyped("{{ now() }}", scope));
    }

    [Theory]
    [InlineData("x {{ inputs.x }}", "x 1")]
    [InlineData("{{ inputs.x }}{{ inputs.x }}", "11")]
    [InlineData("no template", "no template")]
    [InlineData("{% if true %}{{ inputs.x }}{% endif %}", "1")]
    public void RenderTyped_NotASingleExpression_RendersText(string template, string expected)
    {
        Assert.Equal(expected, ExpressionEngine.Shared.RenderTyped(template, TestScopes.Default()));
    }

    [Theory]
    [InlineData("inputs.x == 1", true)]
    [InlineData("inputs.x + 1", 2L)]
    [InlineData("inputs.name | upper", "WORLD")]
    [InlineData("inputs.missing ?? 'd'", "d")]
    [InlineData("taskrun.attemptsCount >= 3 and inputs.flag", true)]
    public void Evaluate_BareExpression_ReturnsValue(string expression, object expected)
    {
        Assert.Equal(expected, ExpressionEngine.Shared.Evaluate(expression, TestScopes.Default()));
    }

    [Fact]
    public void Evaluate_UndefinedVariable_ThrowsWithPosition()
    {
        var ex = Assert.Throws<ExpressionException>(() => ExpressionEngine.Shared.Evaluate("inputs.x == nope", TestScopes.Default()));

        Assert.Equal((1, 13), (ex.Line, ex.Column));
        Assert.Equal("inputs.x == nope", ex.Template);
    }

    [Theory]
    [InlineData("plain", false)]
    [InlineData("{{ x }}", true)]
    [InlineData("{% if %}", true)]
    [InlineData("{ x }", false)]
    [InlineData("", false)]
    public void ContainsTemplate_DetectsDelimiters(string text, bool expected)
    {
        Assert.Equal(expected, ExpressionEngine.ContainsTemplate(text));
    }

    [Theory]
    [InlineData("{{ outputs.a.b }} {{ inputs['x'] }}", "inputs,outputs")]
    [InlineData("{% for t in tasks %}{{ t.id }}{{ loop.index }}{% endfor %}", "tasks")]
    [InlineData("{% set y = vars.a %}{{ y }}{{ now() | date(fmt) }}", "fmt,vars")]
    [InlineData("{{ currentEachOutput(outputs.x) }}", "outputs,parents,taskrun")]
    [InlineData("{{ \"#{execution.id}\" ?? trigger.date }}", "execution,trigger")]
    [InlineData("no template", "")]
    [InlineData("{{ broken", "")]
    public void RootVariables_ListsReferencedRoots(string template, string expected)
    {
        var roots = ExpressionEngine.Shared.RootVariables(template).Order(StringComparer.Ordinal);

        Assert.Equal(expected, string.Join(',', roots));
    }

    [Theory]
    [InlineData("{{ outputs.first.value }} and {{ outputs['second'].uri }}", "first,second")]
    [InlineData("{% for row in outputs.query.rows %}{{ row.id }}{% endfor %}", "query")]
    [InlineData("{% if outputs.check.ok %}{{ inputs.name }}{% else %}{{ outputs.other.value }}{% endif %}", "check,other")]
    [InlineData("{{ currentEachOutput(outputs.inner).value }}", "inner")]
    [InlineData("{{ inputs.a ~ vars.b }}", "")]
    [InlineData("no template", "")]
    [InlineData("{{ broken", "")]
    public void OutputKeys_ListsTheTaskIdsWhoseOutputsAreRead(string template, string expected)
    {
        var keys = ExpressionEngine.Shared.OutputKeys(template);

        Assert.NotNull(keys);
        Assert.Equal(expected, string.Join(',', keys.Order(StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData("{{ outputs[name].value }}")]
    [InlineData("{{ outputs | keys }}")]
    [InlineData("{{ outputs }}")]
    [InlineData("{{ render(vars.template) }}")]
    public void OutputKeys_OutputsReadAsAWhole_IsNull(string template)
    {
        Assert.Null(ExpressionEngine.Shared.OutputKeys(template));
    }

    [Theory]
    [MemberData(nameof(TextCases))]
    public void ToText_Value_RendersLikeKestra(object? value, string expected)
    {
        Assert.Equal(expected, ExpressionEngine.ToText(value));
    }

    public static TheoryData<object?, string> TextCases() => new()
    {
        { null, string.Empty },
        { true, "true" },
        { 1L, "1" },
        { 7, "7" },
        { 2.0, "2.0" },
        { 1.5, "1.5" },
        { 0.1 + 0.2, "0.30000000000000004" },
        { 1e7, "1.0E7" },
        { 1.5e-5, "1.5E-5" },
        { 0.001, "0.001" },
        { 123456.789, "123456.789" },
        { -3.0, "-3.0" },
        { 2.5f, "2.5" },
        { 12.50m, "12.5" },
        { new DateTimeOffset(2026, 11, 26, 10, 0, 0, 123, TimeSpan.Zero), "2026-11-26T10:00:00.123Z" },
        { new DateTimeOffset(2026, 11, 26, 11, 0, 0, TimeSpan.FromHours(1)), "2026-11-26T10:00:00Z" },
        { new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero).AddTicks(1234560), "2026-11-26T10:00:00.123456Z" },
        { new List<object?> { 1L, "a", null }, "[1,\"a\",null]" },
        { new Dictionary<string, object?> { ["value"] = "x", ["n"] = new[] { 1, 2 } }, "{\"value\":\"x\",\"n\":[1,2]}" },
        { JsonDocument.Parse("{\"a\":[1,2.5,\"é\\n\"]}").RootElement, "{\"a\":[1,2.5,\"é\\n\"]}" },
    };

    [Fact]
    public void Render_SameTemplateTwice_UsesCachedAst()
    {
        var engine = new ExpressionEngine();
        var scope = TestScopes.Default();

        engine.Render("{{ inputs.x }} cached", scope);
        engine.Render("{{ inputs.x }} cached", scope);

        Assert.Equal(1, engine.CachedCount);
    }

    [Fact]
    public void Render_ConcurrentCallers_GetConsistentResults()
    {
        var engine = new ExpressionEngine();
        var results = new string[64];

        Parallel.For(0, results.Length, i =>
        {
            var scope = TestScopes.With("i", i);
            results[i] = engine.Render("{% for n in range(1, 3) %}{{ i * n }},{% endfor %}", scope);
        });

        Assert.All(Enumerable.Range(0, results.Length), i => Assert.Equal($"{i},{i * 2},{i * 3},", results[i]));
    }
}

using Serverless.Engine.Expressions;

namespace Serverless.Engine.Tests.Expressions;

public class ExpressionErrorTests
{
    [Theory]
    // Strict undefined: root variables, map keys, list indexes, null targets
    [InlineData("{{ outputs.x }}", 1, 4, "variable 'outputs.x' is not defined")]
    [InlineData("{{ nothing }}", 1, 4, "variable 'nothing' is not defined")]
    [InlineData("ab\n  {{ inputs['no-key'] }}", 2, 6, "variable 'inputs['no-key']' is not defined")]
    [InlineData("{{ inputs.list[7] }}", 1, 4, "index 7 is out of range")]
    [InlineData("{{ inputs.nothing.deeper }}", 1, 4, "cannot read 'deeper' of null")]
    [InlineData("{{ inputs.name.first }}", 1, 4, "cannot read 'first' of a string")]
    [InlineData("{% if inputs.missing %}x{% endif %}", 1, 7, "variable 'inputs.missing' is not defined")]
    [InlineData("{% for i in nope %}{% endfor %}", 1, 13, "variable 'nope' is not defined")]
    [InlineData("{{ inputs.nothing ?? missing }}", 1, 22, "variable 'missing' is not defined")]
    [InlineData("{{ 'x' ~ undefinedVar }}", 1, 10, "variable 'undefinedVar' is not defined")]
    // Unknown names
    [InlineData("{{ 'a' | nosuchfilter }}", 1, 10, "unknown filter 'nosuchfilter'")]
    [InlineData("{{ nosuchfunction(1) }}", 1, 4, "unknown function 'nosuchfunction'")]
    [InlineData("{{ 1 is nosuchtest }}", 1, 9, "unknown test 'nosuchtest'")]
    [InlineData("{% nosuchtag %}", 1, 4, "unknown tag 'nosuchtag'")]
    // Runtime errors
    [InlineData("{{ 1 / 0 }}", 1, 4, "division by zero")]
    [InlineData("{{ 'a' - 1 }}", 1, 4, "cannot be applied")]
    [InlineData("{{ 'x' | date('yyyy') }}", 1, 10, "'x' is not a date")]
    [InlineData("{{ 'not json' | jq('.a') }}", 1, 17, "jq")]
    [InlineData("{{ json('{bad') }}", 1, 4, "invalid JSON")]
    [InlineData("{{ 'a' | dateAdd(1, 'LIGHTYEARS') }}", 1, 10, "'a' is not a date")]
    [InlineData("{{ '2026-01-01' | dateAdd(1, 'LIGHTYEARS') }}", 1, 19, "unknown unit 'LIGHTYEARS'")]
    [InlineData("{{ 'a' | replace({'(': 'b'}, regexp=true) }}", 1, 10, "filter 'replace'")]
    [InlineData("{{ inputs.name | keys }}", 1, 18, "'keys' expects a map")]
    // Parse errors
    [InlineData("{{ inputs.x ", 1, 13, "unclosed delimiter, expected '}}'")]
    [InlineData("{{ 1 + }}", 1, 8, "unexpected '}}'")]
    [InlineData("{{ (1 + 2 }}", 1, 11, "unexpected '}'")]
    [InlineData("{{ 'abc }}", 1, 4, "unclosed string literal")]
    [InlineData("{{ a b }}", 1, 6, "expected '}}' but found 'b'")]
    [InlineData("{% if true %}no end", 1, 20, "or '{% endif %}'")]
    [InlineData("{% for x of y %}{% endfor %}", 1, 10, "expected 'in'")]
    [InlineData("{# unclosed", 1, 1, "unclosed comment")]
    [InlineData("{{ a.b() }}", 1, 6, "method calls are not supported")]
    [InlineData("{{ 1 @ 2 }}", 1, 6, "unexpected character '@'")]
    [InlineData("line1\nline2 {{ ) }}", 2, 10, "unexpected ')'")]
    [InlineData("{ not a template } {%", 1, 22, "unclosed delimiter")]
    public void Render_InvalidTemplate_ThrowsWithPosition(string template, int line, int column, string reason)
    {
        var ex = Assert.Throws<ExpressionException>(() => TestScopes.Render(template));

        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
        Assert.Equal((line, column), (ex.Line, ex.Column));
        Assert.Equal(template, ex.Template);
    }

    [Fact]
    public void Render_UndefinedVariable_MessageNamesTemplateAndPosition()
    {
        var ex = Assert.Throws<ExpressionException>(() => TestScopes.Render("{{ outputs.x }}"));

        Assert.Equal("Unable to render `{{ outputs.x }}` at 1:4: variable 'outputs.x' is not defined", ex.Message);
    }

    [Fact]
    public void Render_TooManyLoopIterations_Throws()
    {
        var scope = TestScopes.Default() with { Limits = ExpressionLimits.Default with { MaxLoopIterations = 1000 } };

        var ex = Assert.Throws<ExpressionException>(() =>
            ExpressionEngine.Shared.Render("{% for i in range(1, 100) %}{% for j in range(1, 100) %}x{% endfor %}{% endfor %}", scope));

        Assert.Contains("more than 1000 loop iterations", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HugeRange_ThrowsInsteadOfAllocating()
    {
        var ex = Assert.Throws<ExpressionException>(() => TestScopes.Render("{{ range(0, 9000000000000) | length }}"));

        Assert.Contains("exceeds the limit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OutputLongerThanLimit_Throws()
    {
        var scope = TestScopes.Default() with { Limits = ExpressionLimits.Default with { MaxOutputLength = 100 } };

        var ex = Assert.Throws<ExpressionException>(() =>
            ExpressionEngine.Shared.Render("{% for i in range(1, 50) %}abc{% endfor %}", scope));

        Assert.Contains("exceeds the limit of 100 characters", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ExponentialStringGrowth_IsStoppedByLengthLimit()
    {
        var ex = Assert.Throws<ExpressionException>(() =>
            TestScopes.Render("{% set s = 'xxxxxxxxxx' %}{% for i in range(1, 40) %}{% set s = s ~ s %}{% endfor %}{{ s | length }}"));

        Assert.Contains("exceeds the limit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ExponentialListGrowth_IsStoppedBySizeLimit()
    {
        var ex = Assert.Throws<ExpressionException>(() =>
            TestScopes.Render("{% set l = [1] %}{% for i in range(1, 40) %}{% set l = l + l %}{% endfor %}{{ l | length }}"));

        Assert.Contains("exceeds the limit", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(150)]
    [InlineData(20000)]
    public void Render_DeeplyNestedParentheses_ThrowsExpressionException(int depth)
    {
        var template = "{{ " + new string('(', depth) + "1" + new string(')', depth) + " }}";

        var ex = Assert.Throws<ExpressionException>(() => TestScopes.Render(template));

        Assert.Contains("nested", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NestingWithinLimit_Renders()
    {
        var template = "{{ " + new string('(', 30) + "1" + new string(')', 30) + " }}";

        Assert.Equal("1", TestScopes.Render(template));
    }

    [Fact]
    public void Render_SelfRecursiveRender_StopsAtDepthLimit()
    {
        var scope = TestScopes.With("self", "{{ render(self) }}");

        var ex = Assert.Throws<ExpressionException>(() => ExpressionEngine.Shared.Render("{{ render(self) }}", scope));

        Assert.Contains("render() nested deeper than 100 levels", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_VeryLongOperatorChain_ThrowsOrRendersWithoutCrashing()
    {
        var template = "{{ 1" + string.Concat(Enumerable.Repeat(" + 1", 200_000)) + " }}";

        var result = Record.Exception(() => TestScopes.Render(template));

        Assert.True(result is null or ExpressionException, result?.GetType().Name);
    }
}

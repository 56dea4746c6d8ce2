using Serverless.Engine.Expressions;
using Serverless.Engine.Expressions.Jq;

namespace Serverless.Engine.Tests.Expressions.Jq;

/// <summary>Bad programs fail at parse time with a position, so validation can point into the flow file.</summary>
public sealed class JqCompileErrorTests
{
    [Theory]
    [InlineData(".a |", 4, 1, 5, "unexpected end of file")]
    [InlineData("map(.x", 6, 1, 7, "expecting ')'")]
    [InlineData(".a | foo(1)", 5, 1, 6, "foo/1 is not defined")]
    [InlineData("[.[] | $nope]", 7, 1, 8, "$nope is not defined")]
    [InlineData(". as $x | break $x", 16, 1, 17, "$*label-x is not defined")]
    [InlineData(".a\n| {(0): 1}", 6, 2, 4, "Cannot use number (0) as object key")]
    [InlineData("if . then 1", 11, 1, 12, "expecting 'end'")]
    [InlineData("\"abc", 0, 1, 1, "unterminated string")]
    [InlineData(".a ^ 1", 3, 1, 4, "INVALID_CHARACTER")]
    [InlineData("import \"a\" as a; .", 0, 1, 1, "module system")]
    [InlineData("1 / 0", 2, 1, 3, "Division by zero?")]
    [InlineData("def f(x): x; f", 13, 1, 14, "f/0 is not defined")]
    public void Parse_BadProgram_ThrowsWithOffsetLineAndColumn(string program, int offset, int line, int column, string reason)
    {
        var ex = Assert.Throws<JqException>(() => JqProgram.Parse(program));
        Assert.Equal(offset, ex.Offset);
        Assert.Equal(line, ex.Line);
        Assert.Equal(column, ex.Column);
        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
        Assert.Contains($"line {line}, column {column}", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("def f: def g: 3; g; f")]
    [InlineData("def f($a): $a, a; f(1)")]
    [InlineData(". as [$a, {b: $c}] | $a, $c")]
    [InlineData(". as [$a] ?// $b | $a, $b")]
    [InlineData("reduce .[] as $x (0; . + $x)")]
    [InlineData("label $out | 1, break $out")]
    [InlineData("$ENV, $__loc__, $__prog_args")]
    [InlineData("{if: 1, then: 2} | .if")]
    public void Parse_ValidScoping_Compiles(string program) =>
        Assert.Equal(program, JqProgram.Parse(program).Text);

    [Fact]
    public void JqFilter_BadProgram_FailsTheRenderWithThePosition()
    {
        var ex = Assert.Throws<ExpressionException>(() => TestScopes.Render("{{ [1] | jq('.[] | nope') }}"));
        Assert.Contains("nope/0 is not defined at line 1, column 7", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JqErrors_TemplateWithBadLiteralProgram_PointsAtTheCharacterInTheTemplate()
    {
        var errors = ExpressionEngine.Shared.JqErrors("ok: {{ x }}\n{{ x | jq('.a | nope') }} and {{ y | jq('.b') }}");
        var error = Assert.Single(errors);
        Assert.Equal(2, error.Line);
        Assert.Equal(17, error.Column);
        Assert.Contains("nope/0 is not defined", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void JqErrors_ValidOrDynamicPrograms_ReportNothing()
    {
        Assert.Empty(ExpressionEngine.Shared.JqErrors("{{ x | jq('map(.a) | add') }} {{ x | jq(vars.program) }} no jq here"));
    }
}

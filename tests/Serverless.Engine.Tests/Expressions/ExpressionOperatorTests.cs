using Serverless.Engine.Expressions;

namespace Serverless.Engine.Tests.Expressions;

public class ExpressionOperatorTests
{
    [Theory]
    // Literals and printing
    [InlineData("plain text", "plain text")]
    [InlineData("{{ 'single' }}", "single")]
    [InlineData("{{ \"double\" }}", "double")]
    [InlineData("{{ 'it\\'s' }}", "it's")]
    [InlineData("{{ \"a\\nb\" }}", "a\nb")]
    [InlineData("{{ 42 }}", "42")]
    [InlineData("{{ 1.5 }}", "1.5")]
    [InlineData("{{ true }}-{{ false }}", "true-false")]
    [InlineData("[{{ null }}][{{ none }}]", "[][]")]
    [InlineData("{{ [1, 2, 3] }}", "[1,2,3]")]
    [InlineData("{{ {'a': 1, \"b\": [true, null]} }}", "{\"a\":1,\"b\":[true,null]}")]
    [InlineData("{{ \"Hello #{inputs.name}!\" }}", "Hello World!")]
    [InlineData("{{ \"#{1 + 1} and #{ {'k': 'v'}['k'] }\" }}", "2 and v")]
    [InlineData("{# a comment #}kept", "kept")]
    // Variables, members, subscripts
    [InlineData("Hello {{ inputs.name }}", "Hello World")]
    [InlineData("{{ outputs['my-task'].value }}", "v1")]
    [InlineData("{{ outputs.task1.return }}", "{\"value\":\"x\"}")]
    [InlineData("{{ outputs.task1['return']['value'] }}", "x")]
    [InlineData("{{ inputs.list[0] }}{{ inputs.list[2] }}", "13")]
    [InlineData("{{ inputs.list.1 }}", "2")]
    [InlineData("{{ inputs.words[1] }}", "a")]
    [InlineData("{{ inputs.amount }}", "12.5")]
    [InlineData("{{ json.a[1].k }} {{ json.n + 1 }} {{ json.f }}", "true 8 2.5")]
    [InlineData("{{ inputs.nothing }}", "")]
    // Arithmetic
    [InlineData("{{ 1 + 2 }}", "3")]
    [InlineData("{{ 5 - 7 }}", "-2")]
    [InlineData("{{ 3 * 4 }}", "12")]
    [InlineData("{{ 10 / 2 }}", "5")]
    [InlineData("{{ 7 / 2 }}", "3.5")]
    [InlineData("{{ 7 % 3 }}", "1")]
    [InlineData("{{ 1.5 * 2 }}", "3.0")]
    [InlineData("{{ 2 + 3 * 4 }}", "14")]
    [InlineData("{{ (2 + 3) * 4 }}", "20")]
    [InlineData("{{ -inputs.x + 5 }}", "4")]
    [InlineData("{{ inputs.price + inputs.x }}", "2.5")]
    [InlineData("{{ [1] + [2, 3] }}", "[1,2,3]")]
    [InlineData("{{ 'a' + 1 }}", "a1")]
    // Comparison and logic
    [InlineData("{{ 1 == 1 }}", "true")]
    [InlineData("{{ 1 == 1.0 }}", "true")]
    [InlineData("{{ 'a' == 'a' }}", "true")]
    [InlineData("{{ 'a' != 'b' }}", "true")]
    [InlineData("{{ 2 < 10 }}", "true")]
    [InlineData("{{ 2 > 10 }}", "false")]
    [InlineData("{{ 3 <= 3 }}", "true")]
    [InlineData("{{ 3 >= 4 }}", "false")]
    [InlineData("{{ 'abc' < 'abd' }}", "true")]
    [InlineData("{{ [1, 2] == [1, 2] }}", "true")]
    [InlineData("{{ true and false }}", "false")]
    [InlineData("{{ true or false }}", "true")]
    [InlineData("{{ not false }}", "true")]
    [InlineData("{{ not (1 == 2) }}", "true")]
    [InlineData("{{ taskrun.attemptsCount == 3 }}", "true")]
    // Containment, concatenation, ranges
    [InlineData("{{ 2 in [1, 2] }}", "true")]
    [InlineData("{{ 5 not in [1, 2] }}", "true")]
    [InlineData("{{ 'a' in inputs.map }}", "true")]
    [InlineData("{{ 'orl' in inputs.name }}", "true")]
    [InlineData("{{ [1, 2, 3] contains 2 }}", "true")]
    [InlineData("{{ 'a' ~ 1 ~ true }}", "a1true")]
    [InlineData("{{ 'a' ~ 'b' | upper }}", "AB")]
    [InlineData("{{ 1..3 }}", "[1,2,3]")]
    // Ternary and coalescing
    [InlineData("{{ inputs.flag ? 'yes' : 'no' }}", "yes")]
    [InlineData("{{ inputs.empty ? 'yes' : 'no' }}", "no")]
    [InlineData("{{ inputs.x ?? 'd' }}", "1")]
    [InlineData("{{ inputs.missing ?? 'd' }}", "d")]
    [InlineData("{{ inputs.nothing ?? 'd' }}", "d")]
    [InlineData("{{ undefinedRoot.deep.path ?? 'd' }}", "d")]
    [InlineData("{{ inputs.missing ?? inputs.other ?? 'third' }}", "third")]
    [InlineData("[{{ inputs.nothing ??? 'd' }}]", "[]")]
    [InlineData("{{ inputs.missing ??? 'd' }}", "d")]
    // Tests
    [InlineData("{{ inputs.x is defined }}", "true")]
    [InlineData("{{ inputs.missing is defined }}", "false")]
    [InlineData("{{ inputs.missing is not defined }}", "true")]
    [InlineData("{{ inputs.nothing is null }}", "true")]
    [InlineData("{{ inputs.empty is empty }}", "true")]
    [InlineData("{{ inputs.list is not empty }}", "true")]
    [InlineData("{{ 4 is even }}-{{ 3 is odd }}-{{ 3 is even }}", "true-true-false")]
    [InlineData("{{ inputs.list is iterable }}-{{ inputs.map is map }}-{{ inputs.list is map }}", "true-true-false")]
    [InlineData("{{ 9 is divisibleby(3) }}", "true")]
    public void Render_Expression_ProducesExpectedText(string template, string expected)
    {
        Assert.Equal(expected, TestScopes.Render(template));
    }

    [Theory]
    [InlineData(3, "ok")]
    public void Render_TernaryWithUndefinedElseBranch_EvaluatesOnlyTakenBranch(int attempts, string expected)
    {
        var scope = TestScopes.With("taskrun", new Dictionary<string, object?> { ["attemptsCount"] = attempts });

        var result = ExpressionEngine.Shared.Render("{{ taskrun.attemptsCount == 3 ? 'ok' : ko }}", scope);

        Assert.Equal(expected, result);
    }

    [Fact]
    public void Render_TernaryTakingUndefinedBranch_Throws()
    {
        var scope = TestScopes.With("taskrun", new Dictionary<string, object?> { ["attemptsCount"] = 2 });

        var ex = Assert.Throws<ExpressionException>(() => ExpressionEngine.Shared.Render("{{ taskrun.attemptsCount == 3 ? 'ok' : ko }}", scope));

        Assert.Contains("'ko' is not defined", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, ex.Line);
        Assert.Equal(40, ex.Column);
    }
}

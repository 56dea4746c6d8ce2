namespace Serverless.Engine.Tests.Expressions;

/// <summary>Kestra's <c>is json</c> test: maps and lists, or strings that hold one complete JSON value.</summary>
public sealed class ExpressionJsonTestTests
{
    [Theory]
    [InlineData("{{ '{\"key\": 1}' is json }}", "true")]
    [InlineData("{{ '[1, 2]' is json }}", "true")]
    [InlineData("{{ '42' is json }}", "true")]
    [InlineData("{{ '\"text\"' is json }}", "true")]
    [InlineData("{{ 'value 1' is json }}", "false")]
    [InlineData("{{ '{\"key\": ' is json }}", "false")]
    [InlineData("{{ '{} {}' is json }}", "false")]
    [InlineData("{{ '' is json }}", "false")]
    [InlineData("{{ inputs.map is json }}-{{ inputs.list is json }}", "true-true")]
    [InlineData("{{ 42 is json }}-{{ inputs.nothing is json }}", "false-false")]
    [InlineData("{{ 'plain' is not json }}", "true")]
    public void Render_IsJsonTest_FollowsKestraRules(string template, string expected)
    {
        Assert.Equal(expected, TestScopes.Render(template));
    }
}

using Serverless.Engine.Expressions;

namespace Serverless.Engine.Tests.Expressions.Jq;

/// <summary>
/// The Pebble <c>jq</c> filter as Kestra flows use it: the result is the list of every output (Kestra's
/// JqFilter), so templates pick one with <c>| first</c>; JSON text input is parsed; null stays null.
/// </summary>
public sealed class JqFilterTests
{
    [Theory]
    [InlineData("{{ outputs.http.body | jq('.items | map(select(.n == \"b\")) | length') | first }}", "1")]
    [InlineData("{{ outputs.http.body | jq('[.items[].n] | join(\",\")') | first }}", "a,b")]
    [InlineData("{{ outputs.http.body | jq('.items[] | .n') }}", "[\"a\",\"b\"]")]
    [InlineData("{{ outputs.http.body | jq('{id, count: (.items | length)}') | first | json }}", "{\"id\":42,\"count\":2}")]
    [InlineData("{{ inputs.list | jq('map(. * 2)') | first }}", "[2,4,6]")]
    [InlineData("{{ inputs.list | jq('reduce .[] as $x (0; . + $x)') | first }}", "6")]
    [InlineData("{{ inputs.list | jq('add / length') | first }}", "2")]
    [InlineData("{{ inputs.map | jq('to_entries | map(.key + \"=\" + (.value | tostring)) | join(\"&\")') | first }}", "a=1&b=2")]
    [InlineData("{{ inputs.map | jq('with_entries(.value += 10)') | first | json }}", "{\"a\":11,\"b\":12}")]
    [InlineData("{{ inputs.words | jq('sort_by(.) | @csv') | first }}", "\"a\",\"b\",\"c\"")]
    [InlineData("{{ inputs.price | jq('. * 2') | first }}", "3")]
    [InlineData("{{ '[3,1,2]' | jq('sort | .[0]') | first }}", "1")]
    [InlineData("{{ inputs.list | jq('.[] | select(. > 5)') | length }}", "0")]
    [InlineData("{{ inputs.nothing | jq('.') is null }}", "true")]
    public void Jq_KestraStylePrograms_RenderTheirOutputs(string template, string expected) =>
        Assert.Equal(expected, TestScopes.Render(template));

    [Fact]
    public void Jq_RuntimeError_FailsTheRenderWithJqsMessage()
    {
        var ex = Assert.Throws<ExpressionException>(() => TestScopes.Render("{{ inputs.list | jq('.[] | .name') }}"));
        Assert.Contains("Cannot index number with string \"name\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Jq_StringThatIsNotJson_FailsLikeKestra()
    {
        var ex = Assert.Throws<ExpressionException>(() => TestScopes.Render("{{ 'plain text' | jq('.') }}"));
        Assert.Contains("unable to parse the input as JSON", ex.Message, StringComparison.Ordinal);
    }
}

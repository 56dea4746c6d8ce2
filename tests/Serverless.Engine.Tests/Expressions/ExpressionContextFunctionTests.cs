using Serverless.Engine.Expressions;

namespace Serverless.Engine.Tests.Expressions;

/// <summary><c>yaml()</c>, <c>printContext()</c>, and the random functions outside the worker.</summary>
public sealed class ExpressionContextFunctionTests
{
    [Theory]
    [InlineData("{{ yaml('a: 1\\nb: [x, y]').b[1] }}", "y")]
    [InlineData("{{ yaml('a: 1').a + 1 }}", "2")]
    [InlineData("{{ yaml(yaml='- 1\\n- 2') | length }}", "2")]
    [InlineData("{{ yaml('plain') }}", "plain")]
    public void Render_YamlFunction_ParsesTheDocument(string template, string expected)
    {
        Assert.Equal(expected, TestScopes.Render(template));
    }

    [Fact]
    public void Render_YamlFunctionWithInvalidYaml_Throws()
    {
        var ex = Assert.Throws<ExpressionException>(() => TestScopes.Render("{{ yaml('a: [1') }}"));

        Assert.Contains("invalid YAML", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PrintContext_HoldsTheVariables()
    {
        Assert.Equal("World|true", TestScopes.Render("{{ printContext().inputs.name }}|{{ printContext() contains 'outputs' }}"));
    }

    [Theory]
    [InlineData("uuid")]
    [InlineData("id")]
    [InlineData("nanoId")]
    [InlineData("randomInt")]
    public void Render_RandomFunctionWithoutTheWorker_ExplainsWhereItWorks(string name)
    {
        var ex = Assert.Throws<ExpressionException>(() => TestScopes.Render($"{{{{ {name}() }}}}"));

        Assert.Contains($"{name}() gives a new value on each call", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("runnable tasks", ex.Reason, StringComparison.Ordinal);
    }
}

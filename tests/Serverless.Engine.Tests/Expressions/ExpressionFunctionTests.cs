using Serverless.Engine.Expressions;

namespace Serverless.Engine.Tests.Expressions;

public class ExpressionFunctionTests
{
    [Theory]
    [InlineData("{{ now() }}", "2026-11-26T10:00:00.123Z")]
    [InlineData("{{ json('{\"a\": [1, 2]}').a[1] }}", "2")]
    [InlineData("{{ fromJson('{\"b\": 1, \"a\": 2}') }}", "{\"b\":1,\"a\":2}")]
    [InlineData("{{ range(1, 3) }}", "[1,2,3]")]
    [InlineData("{{ range(0, 10, 5) }}", "[0,5,10]")]
    [InlineData("{{ range(3, 1, -1) }}", "[3,2,1]")]
    [InlineData("{{ max(1, 5, 3) }}-{{ min(4, 2.5, 3) }}", "5-2.5")]
    [InlineData("{{ max([1, 9, 3]) }}", "9")]
    [InlineData("{{ render('{{ inputs.name }}!') }}", "World!")]
    [InlineData("{{ render(inputs.name) }}", "World")]
    [InlineData("{{ currentEachOutput(outputs.each).value }}", "a-b")]
    public void Render_BuiltinFunction_ProducesExpectedText(string template, string expected)
    {
        Assert.Equal(expected, TestScopes.Render(template));
    }

    [Fact]
    public void Render_HostFunction_ReceivesPositionalAndNamedArguments()
    {
        var scope = TestScopes.Default() with
        {
            Functions = new Dictionary<string, ExpressionFunction>
            {
                ["secret"] = (args, _) => $"secret:{args.Get(0, "key")}:{args.Get(1, "namespace") ?? "default"}",
                ["kv"] = (args, _) => args.Named.Count,
            },
        };

        var result = ExpressionEngine.Shared.Render("{{ secret('API_KEY') }} {{ secret('K', namespace='ns') }} {{ kv(a=1, b=2) }}", scope);

        Assert.Equal("secret:API_KEY:default secret:K:ns 2", result);
    }

    [Fact]
    public void Render_HostFunctionNamedLikeBuiltin_OverridesBuiltin()
    {
        var scope = TestScopes.Default() with
        {
            Functions = new Dictionary<string, ExpressionFunction> { ["now"] = (_, _) => "host-now" },
        };

        Assert.Equal("host-now", ExpressionEngine.Shared.Render("{{ now() }}", scope));
    }

    [Fact]
    public void Render_HostFunctionThrowing_IsWrappedWithPosition()
    {
        var scope = TestScopes.Default() with
        {
            Functions = new Dictionary<string, ExpressionFunction> { ["read"] = (_, _) => throw new InvalidOperationException("no such file") },
        };

        var ex = Assert.Throws<ExpressionException>(() => ExpressionEngine.Shared.Render("x {{ read('f') }}", scope));

        Assert.Contains("function 'read' failed: no such file", ex.Message, StringComparison.Ordinal);
        Assert.Equal((1, 6), (ex.Line, ex.Column));
    }

    [Fact]
    public void Render_HostFunctionReturningClrValues_AreNormalised()
    {
        var scope = TestScopes.Default() with
        {
            Functions = new Dictionary<string, ExpressionFunction>
            {
                ["fileSize"] = (_, _) => 1024,
                ["errorLogs"] = (_, _) => new[] { new Dictionary<string, object?> { ["message"] = "boom" } },
            },
        };

        var result = ExpressionEngine.Shared.Render("{{ fileSize() + 1 }} {{ errorLogs()[0].message }}", scope);

        Assert.Equal("1025 boom", result);
    }
}

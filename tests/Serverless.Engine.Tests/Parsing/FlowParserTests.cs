using Serverless.Engine.Parsing;
using Serverless.Engine.Tasks.Core;

namespace Serverless.Engine.Tests.Parsing;

public sealed class FlowParserTests
{
    [Fact]
    public void Parse_KeepsTheModelOfEverySection()
    {
        var flow = FlowParser.Default.ParseValid("""
            id: model
            namespace: company.team
            labels:
              team: data
            inputs:
              - id: n
                type: int
                required: false
            variables:
              v: 1
            tasks:
              - id: t
                type: io.kestra.core.tasks.log.Log
                message: hi
                retry:
                  type: constant
                  interval: PT0.5S
                  maxAttempt: 4
                timeout: PT1M
            """);

        Assert.Equal("company.team", flow.Namespace);
        Assert.Equal("team", flow.Labels.Single().Key);
        Assert.Equal("INT", flow.Inputs.Single().Type);
        Assert.False(flow.Inputs.Single().Required);
        Assert.Equal(1L, flow.Variables["v"]);
        var task = flow.Tasks.Single();
        Assert.Equal(new LogTask().Name, task.Type);
        Assert.Equal(TimeSpan.FromMilliseconds(500), task.Retry!.Interval);
        Assert.Equal(4, task.Retry.MaxAttempt);
        Assert.Equal(TimeSpan.FromMinutes(1), task.Timeout);
    }

    [Theory]
    [InlineData("x: 1", "1")]
    [InlineData("x: '1'", "1")]
    [InlineData("x: true", "True")]
    [InlineData("x: 1.5", "1.5")]
    [InlineData("x: ~", "")]
    public void Parse_ScalarsFollowTheYamlCoreSchema(string variable, string text)
    {
        var flow = FlowParser.Default.ParseValid($"""
            id: scalars
            namespace: tests
            variables:
              {variable}
            tasks:
              - id: t
                type: io.kestra.plugin.core.log.Log
                message: hi
            """);

        Assert.Equal(text, Convert.ToString(flow.Variables["x"], System.Globalization.CultureInfo.InvariantCulture) ?? "");
    }

    [Fact]
    public void Parse_AliasBomb_IsRejectedWithAPosition()
    {
        var bomb = """
            id: bomb
            namespace: tests
            variables:
              a: &a ["x","x","x","x","x","x","x","x","x","x"]
              b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
              c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
              d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
              e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
              f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
            tasks:
              - id: t
                type: io.kestra.plugin.core.log.Log
                message: hi
            """;

        var result = FlowParser.Default.Parse(bomb);

        var error = Assert.Single(result.Errors);
        Assert.Contains("more than", error.Message);
        Assert.True(error.Position.Line > 1);
    }

    [Fact]
    public void Parse_DuplicateKeys_AreAYamlErrorWithAPosition()
    {
        var result = FlowParser.Default.Parse("""
            id: dup
            id: again
            namespace: tests
            tasks: []
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Position.Line);
        Assert.Contains("invalid YAML", error.Message);
    }

    [Fact]
    public void Parse_EveryBuiltInTaskType_HasACanonicalKestraName()
    {
        Assert.All(FlowParser.Default.TaskTypes.Types, t => Assert.StartsWith("io.kestra.", t.Name));
    }
}

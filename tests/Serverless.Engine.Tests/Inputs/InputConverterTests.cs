using Serverless.Engine.Flows;
using Serverless.Engine.Inputs;

namespace Serverless.Engine.Tests.Inputs;

public sealed class InputConverterTests
{
    private static InputDefinition Input(string type, Dictionary<string, object?>? properties = null) =>
        new() { Id = "x", Type = type, Properties = properties ?? [] };

    [Theory]
    [InlineData("STRING", "hello", "hello")]
    [InlineData("SECRET", "s3cr3t", "s3cr3t")]
    [InlineData("INT", "42", 42L)]
    [InlineData("FLOAT", "1.5", 1.5)]
    [InlineData("BOOLEAN", "true", true)]
    [InlineData("BOOL", "false", false)]
    [InlineData("DATETIME", "2026-01-31T10:00:00+01:00", "2026-01-31T09:00:00Z")]
    [InlineData("DATE", "2026-01-31", "2026-01-31")]
    [InlineData("TIME", "13:45", "13:45:00")]
    [InlineData("DURATION", "PT1H30M", "PT1H30M")]
    [InlineData("URI", "https://example.com/a?b=c", "https://example.com/a?b=c")]
    [InlineData("EMAIL", "ops@example.com", "ops@example.com")]
    [InlineData("FILE", "kestra:///company/team/flow/executions/1/inputs/x/data.csv", "kestra:///company/team/flow/executions/1/inputs/x/data.csv")]
    public void Convert_ValidText_GivesTheTypedValue(string type, string text, object expected)
    {
        Assert.Equal(expected, InputConverter.Convert(Input(type), text));
    }

    [Theory]
    [InlineData("INT", "4.2", "whole number")]
    [InlineData("FLOAT", "abc", "not a number")]
    [InlineData("BOOLEAN", "maybe", "true or false")]
    [InlineData("DATETIME", "yesterday", "ISO-8601")]
    [InlineData("DATE", "31/01/2026", "date")]
    [InlineData("TIME", "25:00", "time")]
    [InlineData("DURATION", "5 minutes", "ISO-8601 duration")]
    [InlineData("URI", "not a uri", "absolute URI")]
    [InlineData("EMAIL", "nobody", "email")]
    [InlineData("JSON", "{broken", "JSON")]
    [InlineData("YAML", "a: [", "YAML")]
    [InlineData("FILE", "/etc/passwd", "kestra://")]
    public void Convert_InvalidText_SaysWhatIsWrong(string type, string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => InputConverter.Convert(Input(type), text));

        Assert.Contains(message, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Convert_Json_ParsesToAMap()
    {
        var value = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(InputConverter.Convert(Input("JSON"), """{"a": [1, 2]}"""));

        Assert.Equal([1L, 2L], Assert.IsAssignableFrom<IReadOnlyList<object?>>(value["a"]));
    }

    [Fact]
    public void Convert_Yaml_ParsesToAMap()
    {
        var value = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(InputConverter.Convert(Input("YAML"), "a: 1\nb: [x, y]"));

        Assert.Equal(1L, value["a"]);
    }

    [Fact]
    public void Convert_StringValidator_MustMatchWholeValue()
    {
        var input = Input("STRING", new() { ["validator"] = "[a-z]+" });

        Assert.Equal("abc", InputConverter.Convert(input, "abc"));
        Assert.Throws<FormatException>(() => InputConverter.Convert(input, "abc1"));
    }

    [Theory]
    [InlineData("INT", "0", "minimum")]
    [InlineData("INT", "11", "maximum")]
    [InlineData("FLOAT", "10.5", "maximum")]
    public void Convert_NumbersOutsideMinMax_AreRejected(string type, string text, string message)
    {
        var input = Input(type, new() { ["min"] = 1L, ["max"] = 10L });

        Assert.Contains(message, Assert.Throws<FormatException>(() => InputConverter.Convert(input, text)).Message);
    }

    [Fact]
    public void Convert_SelectAndMultiselect_AcceptOnlyListedValues()
    {
        var values = new Dictionary<string, object?> { ["values"] = new List<object?> { "a", "b" } };

        Assert.Equal("a", InputConverter.Convert(Input("SELECT", values), "a"));
        Assert.Throws<FormatException>(() => InputConverter.Convert(Input("ENUM", values), "c"));
        Assert.Equal(["a", "b"], Assert.IsAssignableFrom<IReadOnlyList<object?>>(InputConverter.Convert(Input("MULTISELECT", values), """["a","b"]""")));
        Assert.Throws<FormatException>(() => InputConverter.Convert(Input("MULTISELECT", values), "a,c"));
    }

    [Fact]
    public void Convert_SelectWithCustomValuesAllowed_AcceptsOthers()
    {
        var input = Input("SELECT", new() { ["values"] = new List<object?> { "a" }, ["allowCustomValue"] = true });

        Assert.Equal("z", InputConverter.Convert(input, "z"));
    }

    [Fact]
    public void Convert_Array_ConvertsEachItemByItsItemType()
    {
        var input = Input("ARRAY", new() { ["itemType"] = "INT" });

        Assert.Equal([1L, 2L, 3L], Assert.IsAssignableFrom<IReadOnlyList<object?>>(InputConverter.Convert(input, "[1, 2, 3]")));
        Assert.Throws<FormatException>(() => InputConverter.Convert(input, "[1, \"x\"]"));
    }

    [Fact]
    public void Resolve_ReportsEveryBadInputAtOnce_AndUnknownInputs()
    {
        var flow = new Flow
        {
            Id = "f",
            Namespace = "n",
            Inputs = [Input("INT") with { Id = "a" }, Input("BOOLEAN") with { Id = "b" }],
        };

        var error = Assert.Throws<InputValidationException>(() =>
            new InputResolver().Resolve(flow, new Dictionary<string, object?> { ["a"] = "x", ["b"] = "y", ["c"] = "1" }));

        Assert.Equal(["c", "a", "b"], error.Errors.Select(e => e.InputId));
    }

    [Fact]
    public void Resolve_OptionalInputWithoutValue_IsNull()
    {
        var flow = new Flow { Id = "f", Namespace = "n", Inputs = [Input("STRING") with { Id = "opt", Required = false }] };

        var values = new InputResolver().Resolve(flow, new Dictionary<string, object?>());

        Assert.Null(values["opt"]);
    }
}

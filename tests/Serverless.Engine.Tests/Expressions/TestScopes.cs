using System.Text.Json;
using Serverless.Engine.Expressions;

namespace Serverless.Engine.Tests.Expressions;

/// <summary>The variables every expression test renders against, shaped like a Kestra run context.</summary>
internal static class TestScopes
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, 123, TimeSpan.Zero);

    public static ExpressionScope Default() => new(Variables()) { Now = Now };

    public static ExpressionScope With(string name, object? value)
    {
        var variables = Variables();
        variables[name] = value;
        return new ExpressionScope(variables) { Now = Now };
    }

    public static string Render(string template) => ExpressionEngine.Shared.Render(template, Default());

    public static Dictionary<string, object?> Variables() => new()
    {
        ["inputs"] = new Dictionary<string, object?>
        {
            ["name"] = "World",
            ["x"] = 1,
            ["list"] = new List<object?> { 1L, 2L, 3L },
            ["words"] = new[] { "b", "a", "c" },
            ["empty"] = string.Empty,
            ["nothing"] = null,
            ["flag"] = true,
            ["price"] = 1.5,
            ["amount"] = 12.5m,
            ["map"] = new Dictionary<string, object?> { ["a"] = 1L, ["b"] = 2L },
            ["date"] = "2026-11-26T10:00:00.123Z",
        },
        ["outputs"] = new Dictionary<string, object?>
        {
            ["my-task"] = new Dictionary<string, object?> { ["value"] = "v1" },
            ["task1"] = new Dictionary<string, object?> { ["return"] = new Dictionary<string, object?> { ["value"] = "x" } },
            ["http"] = new Dictionary<string, object?> { ["body"] = "{\"id\":42,\"items\":[{\"n\":\"a\"},{\"n\":\"b\"}]}" },
            ["each"] = new Dictionary<string, object?>
            {
                ["a"] = new Dictionary<string, object?>
                {
                    ["b"] = new Dictionary<string, object?> { ["value"] = "a-b" },
                    ["c"] = new Dictionary<string, object?> { ["value"] = "a-c" },
                },
            },
        },
        ["taskrun"] = new Dictionary<string, object?> { ["value"] = "b", ["attemptsCount"] = 3 },
        ["parents"] = new List<object?> { new Dictionary<string, object?> { ["taskrun"] = new Dictionary<string, object?> { ["value"] = "a" } } },
        ["execution"] = new Dictionary<string, object?> { ["id"] = "exec1", ["startDate"] = "2026-11-26T10:00:00.123Z" },
        ["json"] = JsonDocument.Parse("{\"n\":7,\"f\":2.5,\"s\":\"t\",\"a\":[1,{\"k\":true}],\"z\":null}").RootElement.Clone(),
    };
}

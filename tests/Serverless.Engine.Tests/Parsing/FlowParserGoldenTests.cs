using Serverless.Engine.Parsing;
using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Parsing;

/// <summary>
/// Golden files: every flow under Fixtures/valid parses cleanly; every flow under Fixtures/invalid reports
/// exactly the errors in its <c>.errors</c> file (<c>LINE:COLUMN: path: message</c>, one per line).
/// </summary>
public sealed class FlowParserGoldenTests
{
    private static readonly string Fixtures = RepositoryRoot.Combine("tests", "Serverless.Engine.Tests", "Parsing", "Fixtures");

    public static TheoryData<string> ValidFlows() => Files("valid");

    public static TheoryData<string> InvalidFlows() => Files("invalid");

    [Theory]
    [MemberData(nameof(ValidFlows))]
    public void Parse_ValidFixture_HasNoErrors(string name)
    {
        var result = FlowParser.Default.Parse(File.ReadAllText(Path.Combine(Fixtures, "valid", name)));

        Assert.Empty(result.Errors.Select(e => $"{e.Position}: {e}"));
        Assert.True(result.IsValid);
    }

    [Theory]
    [MemberData(nameof(InvalidFlows))]
    public void Parse_InvalidFixture_ReportsExactlyTheExpectedErrors(string name)
    {
        var path = Path.Combine(Fixtures, "invalid", name);
        var expected = File.ReadAllLines(Path.ChangeExtension(path, ".errors")).Where(l => l.Length > 0);

        var result = FlowParser.Default.Parse(File.ReadAllText(path));

        Assert.False(result.IsValid);
        Assert.Equal(expected, result.Errors.Select(e => $"{e.Position}: {e}"));
    }

    private static TheoryData<string> Files(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Fixtures, folder), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }
}

using System.Runtime.CompilerServices;
using Serverless.Engine.Expressions.Jq;
using Xunit.Abstractions;

namespace Serverless.Engine.Tests.Expressions.Jq;

/// <summary>
/// Runs jq's own test suite (<c>Fixtures/jq.test</c>, jq's <c>tests/jq.test</c>) the way jq's harness does:
/// each case is a program, an input and the expected outputs; a case passes when the outputs match in
/// order and no further output follows (a run-time error after the expected outputs still passes, as in
/// jq). <c>%%FAIL</c> cases pass when the program does not compile (messages are not compared: ours
/// carry our own positions).
/// </summary>
public sealed class JqSuiteTests(ITestOutputHelper output)
{
    /// <summary>Measured pass counts; raise them when more cases pass.</summary>
    private const int JqTestThreshold = 402;
    private const int ManTestThreshold = 223;

    private const string Modules = "the module system (import/include/modulemeta) is not supported: flows have no library path";

    /// <summary>jq.test cases that need what this engine leaves out on purpose, each with the reason.</summary>
    private static readonly (string Contains, string Reason)[] JqTestExclusions =
    [
        ("import \"", Modules),
        ("include \"", Modules),
        ("modulemeta", Modules),
        ("module (", Modules),
        ("module []", Modules),
        ("try input catch", "jq's harness feeds the next test line to input; a filter has a single input"),
        ("lpad(", "lpad is not a jq 1.7 builtin (a development-branch helper of this jq.test version)"),
        ("nwise(2; empty)", "nwise/2 is not a jq 1.7 builtin (a development-branch helper of this jq.test version)"),
    ];

    /// <summary>man.test (a later manual than 1.7) cases outside jq 1.7 or outside a sandboxed filter.</summary>
    private static readonly (string Contains, string Reason)[] ManTestExclusions =
    [
        ("skip(", "skip/2 arrived after jq 1.7"),
        ("tobool", "tobool arrived after jq 1.7"),
        ("last(empty)", "jq 1.7's last(empty) is null; the later manual makes it empty"),
        ("ENV.PAGER", "$ENV/env are empty: the host environment (with its secrets) is not exposed to flows"),
        ("env.PAGER", "$ENV/env are empty: the host environment (with its secrets) is not exposed to flows"),
    ];

    public sealed record SuiteCase(int Line, string Program, string? Input, IReadOnlyList<string> Expected, bool MustFail);

    [Fact]
    public void JqTestSuite_EveryCase_PassesAtLeastTheMeasuredCount() =>
        RunSuite("jq.test", JqTestThreshold, JqTestExclusions);

    [Fact]
    public void ManTestSuite_ManualExamples_PassAtLeastTheMeasuredCount() =>
        RunSuite("man.test", ManTestThreshold, ManTestExclusions);

    private void RunSuite(string fixture, int threshold, (string Contains, string Reason)[] exclusions)
    {
        var cases = Load(FixturePath(fixture));
        var failures = new List<string>();
        var passed = 0;
        var excluded = 0;
        foreach (var c in cases)
        {
            var exclusion = exclusions.FirstOrDefault(e => c.Program.Contains(e.Contains, StringComparison.Ordinal));
            if (exclusion.Reason is not null)
            {
                excluded++;
                continue;
            }

            var failure = RunCase(c);
            if (failure is null)
            {
                passed++;
            }
            else
            {
                failures.Add($"line {c.Line}: {c.Program}\n    {failure}");
            }
        }

        output.WriteLine($"{fixture}: {passed} of {cases.Count} cases pass ({excluded} excluded, {failures.Count} failing)");
        foreach (var f in failures)
        {
            output.WriteLine(f);
        }

        Assert.True(cases.Count > 100, $"{fixture} holds only {cases.Count} cases");
        Assert.True(passed >= threshold,
            $"{passed} of {cases.Count} {fixture} cases pass, fewer than {threshold}:\n{string.Join("\n", failures)}");
    }

    private static string? RunCase(SuiteCase c)
    {
        if (c.MustFail)
        {
            try
            {
                JqProgram.Parse(c.Program);
                return "compiled, but jq rejects this program";
            }
            catch (JqException)
            {
                return null;
            }
        }

        JqProgram program;
        try
        {
            program = JqProgram.Parse(c.Program);
        }
        catch (JqException ex)
        {
            return "compile error: " + ex.Message;
        }

        var input = JqJson.Parse(c.Input!);
        var expected = c.Expected.Select(JqJson.Parse).ToList();
        var options = new JqOptions { MaxSteps = 50_000_000 };
        using var results = program.Stream(input, options).GetEnumerator();
        for (var i = 0; i < expected.Count; i++)
        {
            try
            {
                if (!results.MoveNext())
                {
                    return $"expected {JqJson.Write(expected[i])} but the program ended";
                }
            }
            catch (JqRuntimeException ex)
            {
                return $"expected {JqJson.Write(expected[i])} but got error: {ex.Message}";
            }

            if (JqValues.Compare(results.Current, expected[i]) != 0)
            {
                return $"expected {JqJson.Write(expected[i])} but got {JqJson.Write(results.Current)}";
            }
        }

        try
        {
            if (results.MoveNext())
            {
                return $"superfluous result {JqJson.Write(results.Current)}";
            }
        }
        catch (JqRuntimeException)
        {
            // jq's harness stops at the expected outputs; an error afterwards is not a failure.
        }

        return null;
    }

    /// <summary>jq's format: program, input, outputs up to a blank or comment line; <c>%%FAIL</c> cases have a message instead.</summary>
    public static List<SuiteCase> Load(string path)
    {
        var lines = File.ReadAllLines(path);
        var cases = new List<SuiteCase>();
        var i = 0;
        static bool Skip(string line) => line.Trim().Length == 0 || line.StartsWith('#');
        while (i < lines.Length)
        {
            if (Skip(lines[i]))
            {
                i++;
                continue;
            }

            if (lines[i].StartsWith("%%FAIL", StringComparison.Ordinal))
            {
                var program = lines[i + 1];
                cases.Add(new SuiteCase(i + 2, program, null, [], true));
                i += 2;
                while (i < lines.Length && !Skip(lines[i]))
                {
                    i++;
                }

                continue;
            }

            var start = i;
            var prog = lines[i++];
            var input = lines[i++];
            var expected = new List<string>();
            while (i < lines.Length && !Skip(lines[i]))
            {
                expected.Add(lines[i++]);
            }

            cases.Add(new SuiteCase(start + 1, prog, input, expected, false));
        }

        return cases;
    }

    public static string FixturePath(string name, [CallerFilePath] string source = "")
    {
        var beside = Path.Combine(Path.GetDirectoryName(source) ?? string.Empty, "Fixtures", name);
        if (File.Exists(beside))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Serverless.Engine.Tests", "Expressions", "Jq", "Fixtures", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"jq fixture {name} not found beside {source} or above {AppContext.BaseDirectory}");
    }
}

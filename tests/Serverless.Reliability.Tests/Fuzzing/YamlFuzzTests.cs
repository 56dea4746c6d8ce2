using System.Runtime.ExceptionServices;
using System.Diagnostics;
using Serverless.Engine.Parsing;
using Serverless.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace Serverless.Reliability.Tests.Fuzzing;

/// <summary>
/// Mutated Kestra flows through the parser: no exception escapes, nothing hangs, every error has a
/// position, and time and memory per case stay bounded (alias and nesting limits).
/// <c>FUZZ_CASES</c> sets the number of cases (2,000 by default, 100,000 for the documented run).
/// </summary>
public sealed class YamlFuzzTests(ITestOutputHelper output)
{
    /// <summary>Beyond this a case counts as a hang (generous: CI machines are slow; typical cases take microseconds).</summary>
    private static readonly TimeSpan CaseDeadline = TimeSpan.FromSeconds(20);

    /// <summary>Allocation bound per case: the 4 MB source limit times a generous factor.</summary>
    private const long MaxAllocatedBytes = 1024L * 1024 * 1024;

    [Fact]
    public void Parse_MutatedFlows_NeverThrowHangOrLosePositions()
    {
        var mutator = new YamlMutator(new Random(FuzzSettings.Seed));
        var report = new FuzzReport("yaml");
        var seeds = YamlSeeds.All;

        for (var i = 0; i < FuzzSettings.FuzzCases; i++)
        {
            var source = mutator.Mutate(seeds[i % seeds.Count]);
            Check(i, source, report);
        }

        report.Save();
        output.WriteLine(report.Summary());
        Assert.True(report.Failures.Count == 0, report.Summary() + "\n" + string.Join('\n', report.Failures.Take(20)));

        // The mutations must leave some flows valid, or only the error paths are exercised.
        Assert.InRange(report.Accepted, 1, report.Cases - 1);
    }

    public static TheoryData<string> Regressions() =>
        [.. Directory.EnumerateFiles(Path.Join(AppContext.BaseDirectory, "Fuzzing", "Regressions"), "*.txt").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    /// <summary>Inputs the 100,000-case run found (saved as they were generated), parsed again on every run.</summary>
    [Theory]
    [MemberData(nameof(Regressions))]
    public void Parse_PastFuzzFailure_AnswersWithPositionedErrors(string file)
    {
        var source = File.ReadAllText(Path.Join(AppContext.BaseDirectory, "Fuzzing", "Regressions", file));

        var result = RunBounded(source, out _, out _);

        Assert.False(result.IsValid);
        Assert.All(result.Errors, e => Assert.True(e.Position.Line >= 1 && e.Position.Column >= 1, e.ToString()));
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(200_000)]
    [InlineData(2_000_000)]
    public void Parse_DeeplyNestedFlowSequences_AnswersWithPositionedError(int depth)
    {
        var source = "id: deep\nnamespace: a.b\ntasks: " + new string('[', depth) + new string(']', depth) + "\n";

        var result = RunBounded(source, out _, out _);

        Assert.False(result.IsValid);
        Assert.All(result.Errors, e => Assert.True(e.Position.Line >= 1 && e.Position.Column >= 1));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(2_000)]
    public void Parse_DeeplyNestedBlockMappings_AnswersWithPositionedError(int depth)
    {
        var lines = Enumerable.Range(0, depth).Select(i => new string(' ', i + 2) + "k:");
        var source = "id: deep\nnamespace: a.b\nvariables:\n" + string.Join('\n', lines) + "\ntasks: []\n";

        var result = RunBounded(source, out _, out _);

        Assert.False(result.IsValid);
    }

    [Theory]
    [InlineData("id: x\nnamespace: a.b\nvariables: &v\n  self: *v\ntasks: []\n")]
    [InlineData("id: x\nnamespace: a.b\nvariables:\n  list: &l [1, *l]\ntasks: []\n")]
    [InlineData("id: x\nnamespace: a.b\nvariables:\n  ? &k [a, *k]\n  : v\ntasks: []\n")]
    [InlineData("id: x\nnamespace: a.b\nvariables:\n  ? [a, b]\n  : v\ntasks: []\n")]
    [InlineData("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\na1: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]\na2: &a2 [*a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1]\n? *a2\n: v\n")]
    public void Parse_CyclicAliasOrCollectionKey_AnswersWithPositionedError(string source)
    {
        var result = RunBounded(source, out var elapsed, out _);

        Assert.False(result.IsValid);
        Assert.All(result.Errors, e => Assert.True(e.Position.Line >= 1 && e.Position.Column >= 1));
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"took {elapsed}");
    }

    [Fact]
    public void Parse_BillionLaughs_IsRejectedQuicklyWithPosition()
    {
        var source = "id: bomb\nnamespace: a.b\nvariables:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
            + string.Concat(Enumerable.Range(1, 9).Select(i => $"  a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n"))
            + "tasks:\n  - id: r\n    type: io.kestra.plugin.core.debug.Return\n    format: x\n";

        var result = RunBounded(source, out var elapsed, out var allocated);

        var error = Assert.Single(result.Errors);
        Assert.Contains("aliases included", error.Message, StringComparison.Ordinal);
        Assert.True(error.Position.Line >= 4, error.ToString());
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"took {elapsed}");
        Assert.True(allocated < 200L * 1024 * 1024, $"allocated {allocated} bytes");
    }

    private static void Check(int caseNumber, string source, FuzzReport report)
    {
        ParseResult result;
        TimeSpan elapsed;
        long allocated;
        try
        {
            result = RunBounded(source, out elapsed, out allocated);
        }
        catch (TimeoutException)
        {
            report.Fail(caseNumber, source, $"no answer within {CaseDeadline}");
            report.Count(false, CaseDeadline, 0);
            return;
        }
        catch (Exception e)
        {
            report.Fail(caseNumber, source, $"{e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            report.Count(false, TimeSpan.Zero, 0);
            return;
        }

        if (!result.IsValid && result.Errors.Count == 0)
        {
            report.Fail(caseNumber, source, "invalid without an error");
        }

        var unpositioned = result.Errors.FirstOrDefault(e => e.Position.Line < 1 || e.Position.Column < 1 || string.IsNullOrWhiteSpace(e.Message));
        if (unpositioned is not null)
        {
            report.Fail(caseNumber, source, $"error without position or message: {unpositioned.Position} {unpositioned}");
        }

        if (allocated > MaxAllocatedBytes)
        {
            report.Fail(caseNumber, source, $"allocated {allocated} bytes");
        }

        report.Count(result.IsValid, elapsed, allocated);
    }

    /// <summary>Parses on a worker thread with a deadline, measuring time and that thread's allocations.</summary>
    private static ParseResult RunBounded(string source, out TimeSpan elapsed, out long allocated)
    {
        long bytes = 0;
        var watch = Stopwatch.StartNew();
        var task = Task.Factory.StartNew(
            () =>
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var parsed = FlowParser.Default.Parse(source);
                bytes = GC.GetAllocatedBytesForCurrentThread() - before;
                return parsed;
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        try
        {
            if (!task.Wait(CaseDeadline))
            {
                throw new TimeoutException();
            }
        }
        catch (AggregateException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
        }

        elapsed = watch.Elapsed;
        allocated = bytes;
        return task.GetAwaiter().GetResult();
    }
}

using System.Diagnostics;
using Serverless.Engine.Expressions;
using Serverless.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace Serverless.Reliability.Tests.Fuzzing;

/// <summary>
/// Random templates through the evaluator with the production limits: only <see cref="ExpressionException"/>
/// escapes, nothing hangs, and output stays within <see cref="ExpressionLimits.MaxOutputLength"/>.
/// <c>FUZZ_CASES</c> sets the number of cases (2,000 by default, 100,000 for the documented run).
/// </summary>
public sealed class ExpressionFuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan CaseDeadline = TimeSpan.FromSeconds(20);

    [Fact]
    public void Render_RandomTemplatesWithDefaultLimits_OnlyThrowExpressionExceptions()
    {
        var generator = new TemplateGenerator(new Random(FuzzSettings.Seed));
        var engine = new ExpressionEngine();
        var scope = Scope();
        var report = new FuzzReport("expressions");

        for (var i = 0; i < FuzzSettings.FuzzCases; i++)
        {
            var template = generator.Next();
            Check(i, template, engine, scope, report);
        }

        report.Save();
        output.WriteLine(report.Summary());
        Assert.True(report.Failures.Count == 0, report.Summary() + "\n" + string.Join('\n', report.Failures.Take(20)));
        Assert.InRange(report.Accepted, 1, report.Cases - 1);
    }

    private static void Check(int caseNumber, string template, ExpressionEngine engine, ExpressionScope scope, FuzzReport report)
    {
        var watch = Stopwatch.StartNew();
        long allocated = 0;
        var task = Task.Factory.StartNew(
            () =>
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                try
                {
                    var text = engine.Render(template, scope);
                    engine.RenderTyped(template, scope);
                    engine.RootVariables(template);
                    return (Ok: true, Length: text.Length, Error: (Exception?)null);
                }
                catch (ExpressionException e)
                {
                    return (Ok: false, Length: 0, Error: string.IsNullOrEmpty(e.Message) ? e : null);
                }
                catch (Exception e)
                {
                    return (Ok: false, Length: 0, Error: e);
                }
                finally
                {
                    allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        if (!task.Wait(CaseDeadline))
        {
            report.Fail(caseNumber, template, $"no answer within {CaseDeadline}");
            return;
        }

        var (ok, length, error) = task.Result;
        if (error is not null)
        {
            report.Fail(caseNumber, template, $"{error.GetType().Name}: {error.Message}\n{error.StackTrace}");
        }
        else if (length > scope.Limits.MaxOutputLength)
        {
            report.Fail(caseNumber, template, $"rendered {length} characters");
        }

        report.Count(ok, watch.Elapsed, allocated);
    }

    private static ExpressionScope Scope()
    {
        var deep = (object?)"leaf";
        for (var i = 0; i < 200; i++)
        {
            deep = new Dictionary<string, object?> { ["d"] = deep };
        }

        var variables = new Dictionary<string, object?>
        {
            ["inputs"] = new Dictionary<string, object?>
            {
                ["name"] = "World", ["x"] = 1L, ["list"] = new List<object?> { 1L, 2L, 3L }, ["empty"] = "", ["nothing"] = null,
                ["map"] = new Dictionary<string, object?> { ["a"] = 1L, ["b"] = 2L }, ["date"] = "2026-11-26T10:00:00.123Z",
            },
            ["outputs"] = new Dictionary<string, object?> { ["t"] = new Dictionary<string, object?> { ["value"] = "v1" } },
            ["vars"] = new Dictionary<string, object?>
            {
                ["self"] = "{{ render(vars.self) }}",
                ["mutual1"] = "{{ render(vars.mutual2) }}",
                ["mutual2"] = "{{ render(vars.mutual1) }}",
                ["deep"] = deep,
                ["big"] = Enumerable.Range(0, 1_000).Select(i => (object?)(long)i).ToList(),
            },
            ["taskrun"] = new Dictionary<string, object?> { ["value"] = "b", ["attemptsCount"] = 1L },
            ["execution"] = new Dictionary<string, object?> { ["id"] = "exec1" },
        };
        return new ExpressionScope(variables) { Now = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero) };
    }
}

using System.Globalization;
using System.Text;

namespace Serverless.Reliability.Tests.Fuzzing;

/// <summary>
/// Tally of one fuzz run: cases tried, how they ended, the slowest case, and every failing input (saved to
/// <see cref="Support.FuzzSettings.OutputDirectory"/> so it can be replayed). The summary line is what
/// docs/reliability.md quotes.
/// </summary>
public sealed class FuzzReport(string name)
{
    private readonly List<string> _failures = [];
    private readonly Lock _lock = new();

    public string Name { get; } = name;

    public int Cases { get; private set; }

    public int Accepted { get; private set; }

    public int Rejected { get; private set; }

    public TimeSpan Slowest { get; private set; }

    public long MostAllocated { get; private set; }

    public IReadOnlyList<string> Failures => _failures;

    public void Count(bool accepted, TimeSpan elapsed, long allocated)
    {
        lock (_lock)
        {
            Cases++;
            if (accepted)
            {
                Accepted++;
            }
            else
            {
                Rejected++;
            }

            Slowest = elapsed > Slowest ? elapsed : Slowest;
            MostAllocated = Math.Max(MostAllocated, allocated);
        }
    }

    public void Fail(int caseNumber, string input, string problem)
    {
        lock (_lock)
        {
            var file = Path.Join(Support.FuzzSettings.OutputDirectory, $"{Name}-case-{caseNumber}.txt");
            File.WriteAllText(file, input, new UTF8Encoding(false));
            _failures.Add($"case {caseNumber} ({file}): {problem}");
        }
    }

    public string Summary() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Name}: {Cases} cases, {Accepted} accepted, {Rejected} rejected with errors, {_failures.Count} failures, slowest {Slowest.TotalMilliseconds:F0} ms, most allocated {MostAllocated / (1024 * 1024)} MB");

    /// <summary>Appends the summary to <c>summary.txt</c> in the output folder (the figures of a full run).</summary>
    public void Save() =>
        File.AppendAllText(Path.Join(Support.FuzzSettings.OutputDirectory, "summary.txt"), $"{DateTimeOffset.UtcNow:O} {Summary()}\n");
}

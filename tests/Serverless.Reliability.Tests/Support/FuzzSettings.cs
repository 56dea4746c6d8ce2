using System.Globalization;

namespace Serverless.Reliability.Tests.Support;

/// <summary>
/// Sizes of the fuzz and crash runs. CI runs the quick defaults; the full mode (figures in
/// docs/reliability.md) sets <c>FUZZ_CASES=100000 CRASH_RUNS=10</c>. <c>FUZZ_SEED</c> replays one run.
/// </summary>
public static class FuzzSettings
{
    public const int QuickFuzzCases = 2_000;
    public const int QuickCrashRuns = 2;

    /// <summary>Cases per fuzzer (YAML, expressions).</summary>
    public static int FuzzCases => Read("FUZZ_CASES", QuickFuzzCases);

    /// <summary>Kill-and-restart runs of the crash test.</summary>
    public static int CrashRuns => Read("CRASH_RUNS", QuickCrashRuns);

    /// <summary>Seed of the random generators: fixed by default so a failure replays.</summary>
    public static int Seed => Read("FUZZ_SEED", 20261126);

    /// <summary>Where fuzzers write failing inputs and run figures.</summary>
    public static string OutputDirectory
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("FUZZ_OUTPUT") ?? Path.Join(Path.GetTempPath(), "flows-fuzz");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    private static int Read(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}

namespace Serverless.Engine.Logs;

/// <summary>Kestra's log levels, in order, and their parsing.</summary>
public static class LogLevels
{
    public static IReadOnlyList<string> All { get; } = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR"];

    /// <summary>Whether <paramref name="level"/> is one of Kestra's levels (case-insensitive; WARNING is WARN).</summary>
    public static bool IsValid(string? level) => Normalize(level) is not null;

    /// <summary>The canonical upper-case level, or null if unknown.</summary>
    public static string? Normalize(string? level) => level?.Trim().ToUpperInvariant() switch
    {
        "WARNING" => "WARN",
        { } l when All.Contains(l) => l,
        _ => null,
    };

    /// <summary>Whether a line at <paramref name="level"/> passes a <paramref name="minimum"/> threshold.</summary>
    public static bool Passes(string level, string? minimum) =>
        minimum is null || Rank(level) >= Rank(Normalize(minimum) ?? "TRACE");

    private static int Rank(string level) => All.ToList().IndexOf(Normalize(level) ?? "INFO");
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Serverless.Engine.Parsing;

/// <summary>ISO-8601 durations as Kestra writes them (<c>PT0.250S</c>, <c>PT1H30M</c>, <c>P1D</c>).</summary>
public static partial class Durations
{
    /// <summary>Parses an ISO-8601 duration; false when <paramref name="text"/> is not one.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = Pattern().Match(text.Trim());
        if (!match.Success || (match.Groups["d"].Length + match.Groups["h"].Length + match.Groups["m"].Length + match.Groups["s"].Length) == 0)
        {
            return false;
        }

        static double Part(Match m, string group) =>
            m.Groups[group].Success && m.Groups[group].Length > 0 ? double.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) : 0;

        try
        {
            var total = TimeSpan.FromDays(Part(match, "d")) + TimeSpan.FromHours(Part(match, "h"))
                + TimeSpan.FromMinutes(Part(match, "m")) + TimeSpan.FromSeconds(Part(match, "s"));
            duration = match.Groups["sign"].Value == "-" ? -total : total;
            return true;
        }
        catch (OverflowException)
        {
            // P99999999999D and the like: not a duration this engine can wait (found by the YAML fuzzer).
            return false;
        }
    }

    /// <summary>Parses an ISO-8601 duration or throws <see cref="FormatException"/> naming the text.</summary>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var duration) ? duration : throw new FormatException($"'{text}' is not an ISO-8601 duration such as PT30S or PT1H");

    /// <summary>The ISO-8601 form of a duration.</summary>
    public static string Format(TimeSpan duration) => System.Xml.XmlConvert.ToString(duration);

    [GeneratedRegex(@"^(?<sign>[-+]?)P(?:(?<d>\d+(?:\.\d+)?)D)?(?:T(?:(?<h>\d+(?:\.\d+)?)H)?(?:(?<m>\d+(?:\.\d+)?)M)?(?:(?<s>\d+(?:\.\d+)?)S)?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}

using System.Globalization;
using System.Text;

namespace Serverless.Engine.Expressions;

/// <summary>
/// Formats with Java <c>DateTimeFormatter</c> patterns (<c>yyyy-MM-dd'T'HH:mm:ss.SSSXXX</c>), because flows
/// written for Kestra carry Java patterns; .NET's custom formats differ (e.g. <c>a</c>, <c>XXX</c>, <c>SSS</c>).
/// </summary>
internal static class JavaDateFormat
{
    /// <summary>Kestra's named formats, besides patterns.</summary>
    private static readonly Dictionary<string, string> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["iso"] = "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX",
        ["iso_date_time"] = "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX",
        ["iso_offset_date_time"] = "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX",
        ["iso_zoned_date_time"] = "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX",
        ["iso_instant"] = "yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'",
        ["iso_date"] = "yyyy-MM-ddXXX",
        ["iso_local_date"] = "yyyy-MM-dd",
        ["iso_local_time"] = "HH:mm:ss",
        ["iso_local_date_time"] = "yyyy-MM-dd'T'HH:mm:ss",
        ["iso_time"] = "HH:mm:ssXXX",
        ["iso_offset_time"] = "HH:mm:ssXXX",
        ["sql"] = "yyyy-MM-dd HH:mm:ss.SSSSSS",
        ["sql_seconds"] = "yyyy-MM-dd HH:mm:ss",
        ["sql_milli"] = "yyyy-MM-dd HH:mm:ss.SSS",
        ["sql_micro"] = "yyyy-MM-dd HH:mm:ss.SSSSSS",
        ["sql_nano"] = "yyyy-MM-dd HH:mm:ss.SSSSSSSSS",
        ["rfc_1123_date_time"] = "EEE, d MMM yyyy HH:mm:ss 'GMT'",
    };

    /// <summary>Kestra's default output format for <c>date</c>.</summary>
    public const string Default = "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX";

    public static string Format(DateTimeOffset value, string pattern, string? zoneName)
    {
        pattern = Named.GetValueOrDefault(pattern, pattern);
        var sb = new StringBuilder();
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '\'')
            {
                var end = pattern.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    throw new ExpressionException($"unclosed quote in date pattern '{pattern}'");
                }

                sb.Append(end == i + 1 ? "'" : pattern[(i + 1)..end]);
                i = end + 1;
                continue;
            }

            if (!char.IsAsciiLetter(c))
            {
                sb.Append(c);
                i++;
                continue;
            }

            var run = 1;
            while (i + run < pattern.Length && pattern[i + run] == c)
            {
                run++;
            }

            sb.Append(Field(value, c, run, zoneName));
            i += run;
        }

        return sb.ToString();
    }

    private static string Field(DateTimeOffset v, char letter, int n, string? zoneName)
    {
        var inv = CultureInfo.InvariantCulture;
        string Pad(long x, int width) => x.ToString(new string('0', Math.Max(1, width)), inv);
        return letter switch
        {
            'y' or 'u' => n == 2 ? Pad(v.Year % 100, 2) : Pad(v.Year, n),
            'M' or 'L' => n switch
            {
                1 or 2 => Pad(v.Month, n),
                3 => v.ToString("MMM", inv),
                _ => v.ToString("MMMM", inv),
            },
            'd' => Pad(v.Day, n),
            'D' => Pad(v.DayOfYear, n),
            'H' => Pad(v.Hour, n),
            'k' => Pad(v.Hour == 0 ? 24 : v.Hour, n),
            'h' => Pad(v.Hour % 12 == 0 ? 12 : v.Hour % 12, n),
            'K' => Pad(v.Hour % 12, n),
            'm' => Pad(v.Minute, n),
            's' => Pad(v.Second, n),
            'S' => Fraction(v, n),
            'n' => Pad((v.Ticks % TimeSpan.TicksPerSecond) * 100, n),
            'A' => Pad((long)v.TimeOfDay.TotalMilliseconds, n),
            'a' => v.Hour < 12 ? "AM" : "PM",
            'E' or 'e' => n >= 4 ? v.DayOfWeek.ToString() : v.DayOfWeek.ToString()[..3],
            'Q' or 'q' => Pad(((v.Month - 1) / 3) + 1, n),
            'w' => Pad(ISOWeek.GetWeekOfYear(v.DateTime), n),
            'Y' => Pad(ISOWeek.GetYear(v.DateTime), n),
            'X' => Offset(v.Offset, n, zuluForZero: true),
            'x' => Offset(v.Offset, n, zuluForZero: false),
            'Z' => n == 5 ? Offset(v.Offset, 3, zuluForZero: true) : Offset(v.Offset, 2, zuluForZero: false),
            'z' or 'V' or 'O' => zoneName ?? (v.Offset == TimeSpan.Zero ? "UTC" : Offset(v.Offset, 3, zuluForZero: false)),
            'G' => "AD",
            _ => throw new ExpressionException($"unsupported date pattern letter '{letter}'"),
        };
    }

    private static string Fraction(DateTimeOffset v, int n)
    {
        var nanos = ((v.Ticks % TimeSpan.TicksPerSecond) * 100).ToString("D9", CultureInfo.InvariantCulture);
        return n <= 9 ? nanos[..n] : nanos.PadRight(n, '0');
    }

    private static string Offset(TimeSpan offset, int n, bool zuluForZero)
    {
        if (zuluForZero && offset == TimeSpan.Zero)
        {
            return "Z";
        }

        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        var hh = abs.Hours.ToString("00", CultureInfo.InvariantCulture);
        var mm = abs.Minutes.ToString("00", CultureInfo.InvariantCulture);
        return n switch
        {
            1 => abs.Minutes == 0 ? sign + hh : sign + hh + mm,
            2 or 4 => sign + hh + mm,
            _ => sign + hh + ":" + mm,
        };
    }

    /// <summary>Translates a Java pattern to a .NET exact-parse format (common letters only).</summary>
    public static string ToDotNetParseFormat(string pattern)
    {
        pattern = Named.GetValueOrDefault(pattern, pattern);
        var sb = new StringBuilder();
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '\'')
            {
                var end = pattern.IndexOf('\'', i + 1);
                end = end < 0 ? pattern.Length : end;
                foreach (var literal in pattern[(i + 1)..end])
                {
                    sb.Append('\\').Append(literal);
                }

                i = end + 1;
                continue;
            }

            var run = 1;
            while (i + run < pattern.Length && pattern[i + run] == c)
            {
                run++;
            }

            sb.Append(c switch
            {
                'y' or 'u' => run == 2 ? "yy" : "yyyy",
                'M' => new string('M', Math.Min(run, 4)),
                'd' => run == 1 ? "d" : "dd",
                'H' => run == 1 ? "H" : "HH",
                'h' => run == 1 ? "h" : "hh",
                'm' => run == 1 ? "m" : "mm",
                's' => run == 1 ? "s" : "ss",
                'S' => new string('f', Math.Min(run, 7)),
                'a' => "tt",
                'E' => run >= 4 ? "dddd" : "ddd",
                'X' => "K",
                'x' or 'Z' => "zzz",
                _ when char.IsAsciiLetter(c) => throw new ExpressionException($"unsupported date pattern letter '{c}' in '{pattern}'"),
                _ => new string(c, run).Replace("\\", "\\\\", StringComparison.Ordinal).Replace(":", "\\:", StringComparison.Ordinal).Replace("/", "\\/", StringComparison.Ordinal),
            });
            i += run;
        }

        var format = sb.ToString();
        return format.Length == 1 ? "%" + format : format;
    }
}

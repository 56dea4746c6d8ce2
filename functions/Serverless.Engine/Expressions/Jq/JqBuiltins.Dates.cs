using System.Globalization;
using System.Text;

namespace Serverless.Engine.Expressions.Jq;

/// <summary>
/// jq's date built-ins over "broken down time" arrays <c>[year, month0, mday, hours, minutes, seconds,
/// wday, yday]</c>. Everything is UTC: <c>localtime</c>/<c>strflocaltime</c> behave as their UTC forms, so a
/// flow renders the same wherever it runs.
/// </summary>
internal static partial class JqBuiltins
{
    private static void RegisterDates(Dictionary<string, JqNative> n)
    {
        n["gmtime/0"] = V0(v => Broken(Num(v is long or double ? v : throw new JqRuntimeException("gmtime() requires a number"))));
        n["localtime/0"] = V0(v => Broken(Num(v is long or double ? v : throw new JqRuntimeException("localtime() requires a number"))));
        n["mktime/0"] = V0(v => JqValues.Number(Math.Floor(ToSeconds(v, "mktime requires parsed datetime inputs", "mktime requires array of 6 numbers"))));
        n["strftime/1"] = V1((v, f) => Strftime(v, f, "strftime/1"));
        n["strflocaltime/1"] = V1((v, f) => Strftime(v, f, "strflocaltime/1"));
        n["strptime/1"] = V1((v, f) => Strptime(
            v as string ?? throw new JqRuntimeException($"strptime/1 requires string inputs and arguments"),
            f as string ?? throw new JqRuntimeException($"strptime/1 requires string inputs and arguments")));
    }

    private static List<object?> Broken(double seconds)
    {
        var whole = Math.Floor(seconds);
        var t = DateTimeOffset.FromUnixTimeSeconds((long)whole).UtcDateTime;
        var sec = t.Second + (seconds - whole);
        return [(long)t.Year, (long)(t.Month - 1), (long)t.Day, (long)t.Hour, (long)t.Minute, JqValues.Number(sec), (long)t.DayOfWeek, (long)(t.DayOfYear - 1)];
    }

    private static double ToSeconds(object? v, string typeError, string shapeError)
    {
        if (v is not IReadOnlyList<object?> parts)
        {
            throw new JqRuntimeException(typeError);
        }

        if (parts.Count < 6 || parts.Take(6).Any(p => p is not (long or double)))
        {
            throw new JqRuntimeException(parts.Any(p => p is not (long or double)) ? typeError : shapeError);
        }

        var d = parts.Take(6).Select(JqValues.ToDouble).ToArray();
        var date = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc)
            .AddYears((int)d[0] - 1970).AddMonths((int)d[1]).AddDays(d[2] - 1).AddHours(d[3]).AddMinutes(d[4]);
        return (date - DateTime.UnixEpoch).TotalSeconds + d[5];
    }

    private static string Strftime(object? v, object? format, string name)
    {
        if (format is not string f)
        {
            throw new JqRuntimeException($"{name} requires a string format");
        }

        var seconds = v is long or double ? Num(v) : ToSeconds(v, $"{name} requires parsed datetime inputs", $"{name} requires parsed datetime inputs");
        var t = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Floor(seconds * 1000)).UtcDateTime;
        return FormatTime(t, f);
    }

    private static string FormatTime(DateTime t, string f)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        for (var i = 0; i < f.Length; i++)
        {
            if (f[i] != '%' || i + 1 >= f.Length)
            {
                sb.Append(f[i]);
                continue;
            }

            var c = f[++i];
            sb.Append(c switch
            {
                'Y' => t.Year.ToString(inv),
                'C' => (t.Year / 100).ToString("00", inv),
                'y' => (t.Year % 100).ToString("00", inv),
                'm' => t.Month.ToString("00", inv),
                'd' => t.Day.ToString("00", inv),
                'e' => t.Day.ToString(inv).PadLeft(2),
                'H' => t.Hour.ToString("00", inv),
                'k' => t.Hour.ToString(inv).PadLeft(2),
                'I' => (t.Hour % 12 == 0 ? 12 : t.Hour % 12).ToString("00", inv),
                'l' => (t.Hour % 12 == 0 ? 12 : t.Hour % 12).ToString(inv).PadLeft(2),
                'M' => t.Minute.ToString("00", inv),
                'S' => t.Second.ToString("00", inv),
                'j' => t.DayOfYear.ToString("000", inv),
                'Z' => "UTC",
                'z' => "+0000",
                'a' => t.ToString("ddd", inv),
                'A' => t.ToString("dddd", inv),
                'b' or 'h' => t.ToString("MMM", inv),
                'B' => t.ToString("MMMM", inv),
                'p' => t.Hour < 12 ? "AM" : "PM",
                'c' => t.ToString("ddd MMM ", inv) + t.Day.ToString(inv).PadLeft(2) + t.ToString(" HH:mm:ss yyyy", inv),
                'D' or 'x' => t.ToString("MM/dd/yy", inv),
                'F' => t.ToString("yyyy-MM-dd", inv),
                'T' or 'X' => t.ToString("HH:mm:ss", inv),
                'R' => t.ToString("HH:mm", inv),
                'r' => t.ToString("hh:mm:ss ", inv) + (t.Hour < 12 ? "AM" : "PM"),
                's' => ((long)(t - DateTime.UnixEpoch).TotalSeconds).ToString(inv),
                'u' => (t.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)t.DayOfWeek).ToString(inv),
                'w' => ((int)t.DayOfWeek).ToString(inv),
                'G' => ISOWeek.GetYear(t).ToString(inv),
                'g' => (ISOWeek.GetYear(t) % 100).ToString("00", inv),
                'V' => ISOWeek.GetWeekOfYear(t).ToString("00", inv),
                'U' => ((t.DayOfYear + 6 - (int)t.DayOfWeek) / 7).ToString("00", inv),
                'W' => ((t.DayOfYear + 6 - (((int)t.DayOfWeek + 6) % 7)) / 7).ToString("00", inv),
                'n' => "\n",
                't' => "\t",
                '%' => "%",
                _ => "%" + c,
            });
        }

        return sb.ToString();
    }

    private static List<object?> Strptime(string s, string f)
    {
        int year = 1900, month = 1, day = 1, hour = 0, minute = 0, second = 0, offsetMinutes = 0;
        var pos = 0;
        var inv = CultureInfo.InvariantCulture;
        JqRuntimeException Fail() => new($"date \"{s}\" does not match format \"{f}\"");

        int Digits(int max)
        {
            var start = pos;
            if (pos < s.Length && s[pos] is '+' or '-')
            {
                pos++;
            }

            while (pos < s.Length && pos - start < max && char.IsAsciiDigit(s[pos]))
            {
                pos++;
            }

            return pos > start && int.TryParse(s.AsSpan(start, pos - start), NumberStyles.AllowLeadingSign, inv, out var v) ? v : throw Fail();
        }

        int Name(string[] names)
        {
            for (var i = 0; i < names.Length; i++)
            {
                foreach (var candidate in new[] { names[i], names[i][..3] })
                {
                    if (string.Compare(s, pos, candidate, 0, candidate.Length, StringComparison.OrdinalIgnoreCase) == 0)
                    {
                        pos += candidate.Length;
                        return i;
                    }
                }
            }

            throw Fail();
        }

        var months = inv.DateTimeFormat.MonthNames[..12];
        var days = inv.DateTimeFormat.DayNames;
        for (var i = 0; i < f.Length; i++)
        {
            if (char.IsWhiteSpace(f[i]))
            {
                while (pos < s.Length && char.IsWhiteSpace(s[pos]))
                {
                    pos++;
                }

                continue;
            }

            if (f[i] != '%' || i + 1 >= f.Length)
            {
                if (pos >= s.Length || s[pos] != f[i])
                {
                    throw Fail();
                }

                pos++;
                continue;
            }

            switch (f[++i])
            {
                case 'Y': year = Digits(4); break;
                case 'm': month = Digits(2); break;
                case 'd' or 'e': day = Digits(2); break;
                case 'H' or 'k': hour = Digits(2); break;
                case 'M': minute = Digits(2); break;
                case 'S': second = Digits(2); break;
                case 'y': year = Digits(2) is var y && y < 69 ? 2000 + y : 1900 + y; break;
                case 'j': var yday = Digits(3); month = 1; day = yday; break;
                case 'b' or 'B' or 'h': month = Name(months) + 1; break;
                case 'a' or 'A': Name(days); break;
                case 'T':
                    hour = Digits(2);
                    Literal(':');
                    minute = Digits(2);
                    Literal(':');
                    second = Digits(2);
                    break;
                case 'F':
                    year = Digits(4);
                    Literal('-');
                    month = Digits(2);
                    Literal('-');
                    day = Digits(2);
                    break;
                case 's':
                    var epoch = DateTimeOffset.FromUnixTimeSeconds(Digits(20)).UtcDateTime;
                    (year, month, day, hour, minute, second) = (epoch.Year, epoch.Month, epoch.Day, epoch.Hour, epoch.Minute, epoch.Second);
                    break;
                case 'Z':
                    while (pos < s.Length && char.IsAsciiLetter(s[pos]))
                    {
                        pos++;
                    }

                    break;
                case 'z':
                    if (pos < s.Length && s[pos] is 'Z' or 'z')
                    {
                        pos++;
                        break;
                    }

                    var sign = pos < s.Length && s[pos] == '-' ? -1 : 1;
                    pos++;
                    var hh = Digits(2);
                    if (pos < s.Length && s[pos] == ':')
                    {
                        pos++;
                    }

                    offsetMinutes = sign * ((hh * 60) + Digits(2));
                    break;
                case '%': Literal('%'); break;
                default: throw new JqRuntimeException($"strptime/1: unsupported conversion %{f[i]}");
            }
        }

        void Literal(char c)
        {
            if (pos >= s.Length || s[pos] != c)
            {
                throw Fail();
            }

            pos++;
        }

        if (pos != s.Length)
        {
            throw Fail();
        }

        DateTime t;
        try
        {
            t = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(month - 1).AddDays(day - 1).AddHours(hour).AddMinutes(minute - offsetMinutes).AddSeconds(second);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw Fail();
        }

        return [(long)t.Year, (long)(t.Month - 1), (long)t.Day, (long)t.Hour, (long)t.Minute, (long)t.Second, (long)t.DayOfWeek, (long)(t.DayOfYear - 1)];
    }
}

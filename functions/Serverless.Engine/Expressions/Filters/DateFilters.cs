using System.Globalization;

namespace Serverless.Engine.Expressions;

internal static partial class FilterRegistry
{
    private static void RegisterDates(Dictionary<string, FilterFunction> f)
    {
        f["date"] = (input, args, _) =>
        {
            var zone = args.GetString(1, "timeZone");
            var value = InZone(ToDate(input, args.GetString(2, "existingFormat")), zone);
            return JavaDateFormat.Format(value, args.GetString(0, "format", JavaDateFormat.Default)!, zone);
        };
        f["dateAdd"] = DateAdd;
        f["timestamp"] = (input, args, _) => ToDate(input, args.GetString(0, "existingFormat")).ToUnixTimeSeconds();
        f["timestampMilli"] = (input, args, _) => ToDate(input, args.GetString(0, "existingFormat")).ToUnixTimeMilliseconds();
        f["timestampMicro"] = (input, args, _) => EpochTicks(ToDate(input, args.GetString(0, "existingFormat"))) / 10;
        f["timestampNano"] = (input, args, _) => EpochTicks(ToDate(input, args.GetString(0, "existingFormat"))) * 100;
    }

    private static long EpochTicks(DateTimeOffset value) => value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;

    private static object? DateAdd(object? input, FunctionArguments args, Evaluator evaluator)
    {
        var amount = args.GetLong(0, "amount");
        var unit = args.GetString(1, "unit") ?? throw new ExpressionException("'dateAdd' needs a unit, e.g. dateAdd(1, 'DAYS')");
        var date = ToDate(input, args.GetString(4, "existingFormat"));
        var result = unit.ToUpperInvariant() switch
        {
            "NANOS" => date.AddTicks(amount / 100),
            "MICROS" => date.AddTicks(amount * 10),
            "MILLIS" => date.AddMilliseconds(amount),
            "SECONDS" => date.AddSeconds(amount),
            "MINUTES" => date.AddMinutes(amount),
            "HOURS" => date.AddHours(amount),
            "HALF_DAYS" => date.AddHours(amount * 12),
            "DAYS" => date.AddDays(amount),
            "WEEKS" => date.AddDays(amount * 7),
            "MONTHS" => date.AddMonths((int)amount),
            "YEARS" => date.AddYears((int)amount),
            "DECADES" => date.AddYears((int)amount * 10),
            "CENTURIES" => date.AddYears((int)amount * 100),
            _ => throw new ExpressionException($"unknown unit '{unit}' (use SECONDS, MINUTES, HOURS, DAYS, WEEKS, MONTHS, YEARS...)"),
        };
        var format = args.GetString(2, "format");
        var zone = args.GetString(3, "timeZone");
        return format is null ? result : JavaDateFormat.Format(InZone(result, zone), format, zone);
    }

    /// <summary>Dates from DateTimeOffset, ISO strings (or <paramref name="existingFormat"/>), or epoch seconds.</summary>
    internal static DateTimeOffset ToDate(object? input, string? existingFormat)
    {
        switch (input)
        {
            case DateTimeOffset dto:
                return dto;
            case long seconds:
                return DateTimeOffset.FromUnixTimeSeconds(seconds);
            case double fractional:
                return DateTimeOffset.UnixEpoch.AddTicks((long)(fractional * TimeSpan.TicksPerSecond));
            case string s when existingFormat is not null:
                return DateTimeOffset.TryParseExact(s, JavaDateFormat.ToDotNetParseFormat(existingFormat), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact)
                    ? exact
                    : throw new ExpressionException($"'{s}' does not match the date format '{existingFormat}'");
            case string s:
                return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                    ? parsed
                    : throw new ExpressionException($"'{s}' is not a date (expected ISO-8601, e.g. 2026-11-26T10:00:00Z)");
            default:
                throw new ExpressionException($"a {ValueOps.TypeName(input)} is not a date");
        }
    }

    private static DateTimeOffset InZone(DateTimeOffset value, string? zone)
    {
        if (string.IsNullOrEmpty(zone))
        {
            return value.ToUniversalTime();
        }

        try
        {
            return TimeZoneInfo.ConvertTime(value, TimeZoneInfo.FindSystemTimeZoneById(zone));
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ExpressionException($"unknown time zone '{zone}'");
        }
    }
}

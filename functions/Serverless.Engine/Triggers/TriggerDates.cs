using System.Globalization;

namespace Serverless.Engine.Triggers;

/// <summary>ISO-8601 text for trigger variables (<c>trigger.date</c>, <c>trigger.next</c>…), as Kestra renders dates.</summary>
public static class TriggerDates
{
    /// <summary><c>2026-01-01T10:00:00Z</c> for UTC, <c>2026-01-01T11:00:00+01:00</c> otherwise; milliseconds only when not zero.</summary>
    public static string Format(DateTimeOffset date)
    {
        var format = date.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.fff";
        var text = date.ToString(format, CultureInfo.InvariantCulture);
        return date.Offset == TimeSpan.Zero ? text + "Z" : text + date.ToString("zzz", CultureInfo.InvariantCulture);
    }
}

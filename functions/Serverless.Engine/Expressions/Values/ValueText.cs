using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Serverless.Engine.Expressions;

/// <summary>
/// How values print, matching what Kestra (Java) prints so rendered outputs look the same on both
/// engines: doubles as Java's <c>Double.toString</c>, instants as <c>Instant.toString</c>, collections as
/// compact JSON.
/// </summary>
internal static class ValueText
{
    public static string ToText(object? value)
    {
        value = ValueConverter.Normalize(value);
        return value switch
        {
            null => string.Empty,
            string s => s,
            bool b => b ? "true" : "false",
            long l => l.ToString(CultureInfo.InvariantCulture),
            double d => FormatDouble(d),
            DateTimeOffset dto => FormatInstant(dto),
            _ => JsonText.Write(value),
        };
    }

    /// <summary>Java <c>Instant.toString</c>: UTC, fraction in groups of 3 digits, omitted when zero.</summary>
    public static string FormatInstant(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        var text = utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var nanos = (utc.Ticks % TimeSpan.TicksPerSecond) * 100;
        if (nanos == 0)
        {
            return text + "Z";
        }

        var fraction = nanos.ToString("D9", CultureInfo.InvariantCulture);
        if (nanos % 1_000_000 == 0)
        {
            fraction = fraction[..3];
        }
        else if (nanos % 1_000 == 0)
        {
            fraction = fraction[..6];
        }

        return text + "." + fraction + "Z";
    }

    /// <summary>Java <c>Double.toString</c>: "2.0", "0.001", "1.0E7", "1.0E-4", "NaN", "Infinity".</summary>
    public static string FormatDouble(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "Infinity" : "-Infinity";
        }

        if (d == 0)
        {
            return double.IsNegative(d) ? "-0.0" : "0.0";
        }

        // Shortest round-trip digits and decimal exponent, then laid out the Java way.
        var shortest = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        var (digits, exponent) = Decompose(shortest);
        var sb = new StringBuilder();
        if (d < 0)
        {
            sb.Append('-');
        }

        var abs = Math.Abs(d);
        if (abs >= 1e-3 && abs < 1e7)
        {
            // exponent = position of the decimal point relative to the first digit.
            if (exponent <= 0)
            {
                sb.Append("0.").Append('0', -exponent).Append(digits);
            }
            else if (exponent >= digits.Length)
            {
                sb.Append(digits).Append('0', exponent - digits.Length).Append(".0");
            }
            else
            {
                sb.Append(digits, 0, exponent).Append('.').Append(digits, exponent, digits.Length - exponent);
            }

            return sb.ToString();
        }

        sb.Append(digits[0]).Append('.');
        sb.Append(digits.Length > 1 ? digits[1..] : "0");
        sb.Append('E').Append((exponent - 1).ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    /// <summary>Significant digits (no leading/trailing zeros) and the decimal-point position.</summary>
    private static (string Digits, int Exponent) Decompose(string shortest)
    {
        var mantissa = shortest;
        var exp = 0;
        var e = shortest.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            mantissa = shortest[..e];
            exp = int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot >= 0 ? mantissa[..dot] : mantissa;
        var fracPart = dot >= 0 ? mantissa[(dot + 1)..] : string.Empty;
        var all = intPart + fracPart;
        var point = intPart.Length + exp;
        var lead = 0;
        while (lead < all.Length - 1 && all[lead] == '0')
        {
            lead++;
        }

        all = all[lead..];
        point -= lead;
        all = all.TrimEnd('0');
        return (all.Length == 0 ? "0" : all, point);
    }

    /// <summary>Fails fast on pathological nesting instead of overflowing the stack.</summary>
    public static void EnsureStack()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new ExpressionException("expression nested too deeply");
        }
    }
}

using System.Text;

namespace Serverless.Engine.Expressions.Jq;

/// <summary>jq's <c>@format</c> strings: <c>@text @json @html @uri @csv @tsv @sh @base64 @base64d @base32 @base32d</c>.</summary>
internal static class JqFormats
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Apply(string name, object? value) => name switch
    {
        "text" => JqOps.ToText(value),
        "json" => JqJson.Write(value),
        "html" => Html(JqOps.ToText(value)),
        "uri" => Uri(JqOps.ToText(value)),
        "csv" => Row(value, "csv", Csv, ","),
        "tsv" => Row(value, "tsv", Tsv, "\t"),
        "sh" => value is IReadOnlyList<object?> list ? string.Join(' ', list.Select(Shell)) : Shell(value),
        "base64" => Convert.ToBase64String(Encoding.UTF8.GetBytes(JqOps.ToText(value))),
        "base64d" => Base64Decode(JqOps.ToText(value)),
        "base32" => Base32(Encoding.UTF8.GetBytes(JqOps.ToText(value))),
        "base32d" => Base32Decode(JqOps.ToText(value)),
        _ => throw new JqRuntimeException($"{name} is not a valid format"),
    };

    private static string Html(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '\'' => "&#39;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    private static string Uri(string s)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    private static string Row(object? value, string name, Func<object?, string> cell, string separator)
    {
        if (value is not IReadOnlyList<object?> list)
        {
            throw new JqRuntimeException($"{JqValues.Describe(value)} cannot be {name}-formatted, only an array can be");
        }

        return string.Join(separator, list.Select(cell));
    }

    private static string Csv(object? v) => v switch
    {
        null => string.Empty,
        bool b => b ? "true" : "false",
        long or double => JqValues.FormatNumber(v),
        string s => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
        _ => throw new JqRuntimeException($"{JqValues.Describe(v)} is not valid in a csv row"),
    };

    private static string Tsv(object? v) => v switch
    {
        null => string.Empty,
        bool b => b ? "true" : "false",
        long or double => JqValues.FormatNumber(v),
        string s => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal),
        _ => throw new JqRuntimeException($"{JqValues.Describe(v)} is not valid in a tsv row"),
    };

    private static string Shell(object? v) => v switch
    {
        string s => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'",
        IReadOnlyList<object?> or IReadOnlyDictionary<string, object?> =>
            throw new JqRuntimeException($"{JqValues.Describe(v)} can not be escaped for shell"),
        _ => JqJson.Write(v),
    };

    private static string Base64Decode(string s)
    {
        var trimmed = s.TrimEnd('=');
        var padded = trimmed + new string('=', (4 - (trimmed.Length % 4)) % 4);
        try
        {
            if (trimmed.Length % 4 == 1)
            {
                throw new FormatException();
            }

            return Encoding.UTF8.GetString(Convert.FromBase64String(padded));
        }
        catch (FormatException)
        {
            throw new JqRuntimeException($"{JqValues.Describe(s)} is not valid base64 data");
        }
    }

    private static string Base32(byte[] bytes)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < bytes.Length; i += 5)
        {
            var chunk = new byte[5];
            var n = Math.Min(5, bytes.Length - i);
            Array.Copy(bytes, i, chunk, 0, n);
            ulong bits = 0;
            foreach (var b in chunk)
            {
                bits = (bits << 8) | b;
            }

            var chars = (int)Math.Ceiling(n * 8 / 5.0);
            for (var j = 0; j < 8; j++)
            {
                sb.Append(j < chars ? Base32Alphabet[(int)((bits >> (35 - (j * 5))) & 31)] : '=');
            }
        }

        return sb.ToString();
    }

    private static string Base32Decode(string s)
    {
        var bytes = new List<byte>();
        ulong buffer = 0;
        var bits = 0;
        foreach (var c in s.TrimEnd('='))
        {
            var v = Base32Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (v < 0)
            {
                throw new JqRuntimeException($"{JqValues.Describe(s)} is not valid base32 data");
            }

            buffer = (buffer << 5) | (uint)v;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)((buffer >> bits) & 0xFF));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }
}

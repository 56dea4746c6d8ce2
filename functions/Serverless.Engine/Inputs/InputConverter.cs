using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Serverless.Engine.Contracts;
using Serverless.Engine.Flows;
using Serverless.Engine.Parsing;

namespace Serverless.Engine.Inputs;

/// <summary>Converts and validates one input value by its Kestra type.</summary>
public static class InputConverter
{
    /// <summary>The typed value of <paramref name="raw"/>; <see cref="FormatException"/> says what is wrong with it.</summary>
    public static object? Convert(InputDefinition input, object? raw)
    {
        ArgumentNullException.ThrowIfNull(input);
        var p = input.Properties;
        switch (input.Type)
        {
            case "STRING":
            case "SECRET":
                var text = Text(raw);
                if (p.GetValueOrDefault("validator") is string pattern && !Regex.IsMatch(text, "^(?:" + pattern + ")$", RegexOptions.None, TimeSpan.FromSeconds(1)))
                {
                    throw new FormatException($"'{text}' does not match the validator {pattern}");
                }

                return text;
            case "INT":
                var integer = raw is long l ? l : long.TryParse(Text(raw), NumberStyles.Integer, CultureInfo.InvariantCulture, out var li) ? li : throw new FormatException($"'{Text(raw)}' is not a whole number");
                CheckRange(integer, p);
                return integer;
            case "FLOAT":
                var number = raw is double d ? d : raw is long dl ? dl : double.TryParse(Text(raw), NumberStyles.Float, CultureInfo.InvariantCulture, out var dd) ? dd : throw new FormatException($"'{Text(raw)}' is not a number");
                CheckRange(number, p);
                return number;
            case "BOOLEAN":
            case "BOOL":
                return raw is bool b ? b : bool.TryParse(Text(raw), out var bb) ? bb : throw new FormatException($"'{Text(raw)}' is not true or false");
            case "DATETIME":
                return DateTimeOffset.TryParse(Text(raw), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var dt)
                    ? dt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
                    : throw new FormatException($"'{Text(raw)}' is not an ISO-8601 date-time such as 2026-01-31T10:00:00Z");
            case "DATE":
                return DateOnly.TryParseExact(Text(raw), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : throw new FormatException($"'{Text(raw)}' is not a date such as 2026-01-31");
            case "TIME":
                return TimeOnly.TryParse(Text(raw), CultureInfo.InvariantCulture, out var time)
                    ? time.ToString("HH:mm:ss", CultureInfo.InvariantCulture)
                    : throw new FormatException($"'{Text(raw)}' is not a time such as 13:45:00");
            case "DURATION":
                return Durations.TryParse(Text(raw), out var duration) ? Durations.Format(duration) : throw new FormatException($"'{Text(raw)}' is not an ISO-8601 duration such as PT5M");
            case "JSON":
                return raw is string json ? ParseJson(json) : raw;
            case "YAML":
                return raw is string yaml ? ParseYaml(yaml) : raw;
            case "URI":
                return Uri.TryCreate(Text(raw), UriKind.Absolute, out var uri) ? uri.ToString() : throw new FormatException($"'{Text(raw)}' is not an absolute URI");
            case "EMAIL":
                return MailAddress.TryCreate(Text(raw), out var mail) && mail.Address == Text(raw) ? Text(raw) : throw new FormatException($"'{Text(raw)}' is not an email address");
            case "SELECT":
            case "ENUM":
                return Choice(Text(raw), p);
            case "MULTISELECT":
                return List(raw).Select(v => (object?)Choice(Text(v), p)).ToList();
            case "ARRAY":
                var itemType = (p.GetValueOrDefault("itemType") as string ?? "STRING").ToUpperInvariant();
                var item = input with { Type = itemType, Properties = new Dictionary<string, object?>() };
                return List(raw).Select(v => Convert(item, v)).ToList();
            case "FILE":
                var path = Text(raw);
                return path.StartsWith("kestra://", StringComparison.Ordinal) || path.StartsWith("nsfile://", StringComparison.Ordinal)
                    ? path
                    : throw new FormatException($"'{path}' is not a kestra:// file URI; upload the file first (the CLI and API do it for you)");
            default:
                throw new FormatException($"unknown input type {input.Type}");
        }
    }

    private static string Text(object? raw) => raw switch
    {
        string s => s,
        null => "",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => PlainValues.ToJson(raw),
    };

    private static void CheckRange(double value, IReadOnlyDictionary<string, object?> p)
    {
        if (p.GetValueOrDefault("min") is long or double && value < System.Convert.ToDouble(p["min"], CultureInfo.InvariantCulture))
        {
            throw new FormatException($"{value.ToString(CultureInfo.InvariantCulture)} is below the minimum {p["min"]}");
        }

        if (p.GetValueOrDefault("max") is long or double && value > System.Convert.ToDouble(p["max"], CultureInfo.InvariantCulture))
        {
            throw new FormatException($"{value.ToString(CultureInfo.InvariantCulture)} is above the maximum {p["max"]}");
        }
    }

    private static string Choice(string value, IReadOnlyDictionary<string, object?> p)
    {
        var choices = (p.GetValueOrDefault("values") ?? p.GetValueOrDefault("options")) as IReadOnlyList<object?> ?? [];
        if (choices.Count > 0 && !choices.Any(c => Text(c) == value) && p.GetValueOrDefault("allowCustomValue") is not true)
        {
            throw new FormatException($"'{value}' is not one of: {string.Join(", ", choices.Select(Text))}");
        }

        return value;
    }

    private static IReadOnlyList<object?> List(object? raw) => raw switch
    {
        IReadOnlyList<object?> list => list,
        string s when s.TrimStart().StartsWith('[') => ParseJson(s) as IReadOnlyList<object?> ?? [],
        string s => s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        _ => [raw],
    };

    private static object? ParseJson(string json)
    {
        try
        {
            return PlainValues.ParseJson(json);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new FormatException($"not valid JSON: {e.Message}");
        }
    }

    private static object? ParseYaml(string yaml)
    {
        try
        {
            var stream = YamlLoader.Load(yaml);
            return stream.Documents.Count == 0 ? null : YamlValues.ToPlain(stream.Documents[0].RootNode, new ConversionBudget());
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or YamlBudgetException)
        {
            throw new FormatException($"not valid YAML: {e.Message}");
        }
    }
}

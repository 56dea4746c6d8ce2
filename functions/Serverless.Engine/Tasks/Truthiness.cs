using System.Globalization;

namespace Serverless.Engine.Tasks;

/// <summary>
/// Kestra's truthiness for conditions (If, runIf, LoopUntil): true, "true" and non-zero numbers are true;
/// false, "false", 0, "0", empty text and null are false.
/// </summary>
public static class Truthiness
{
    public static bool IsTruthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        long l => l != 0,
        int i => i != 0,
        double d => d != 0,
        decimal m => m != 0,
        string s => IsTruthyText(s),
        IReadOnlyCollection<object?> list => list.Count > 0,
        _ => true,
    };

    /// <summary>A boolean property: null gives <paramref name="defaultValue"/>.</summary>
    public static bool ToBool(object? value, bool defaultValue) => value is null ? defaultValue : IsTruthy(value);

    private static bool IsTruthyText(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.Equals("false", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("null", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return !double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number != 0;
    }
}

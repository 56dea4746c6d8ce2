using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Serverless.Engine.Flows;

namespace Serverless.Engine.Triggers;

/// <summary>
/// The blob trigger's filters: <c>container</c> (exact), <c>prefix</c>, <c>suffix</c> and <c>regexp</c>
/// (matched against the whole blob name, as Kestra does). Regexes are compiled once and time-bounded.
/// </summary>
public static class StorageTriggerFilters
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly ConcurrentDictionary<string, Regex?> Regexes = new(StringComparer.Ordinal);

    public static bool Matches(TriggerDefinition trigger, BlobEvent blob)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(blob);
        if (!string.Equals(trigger.String("container"), blob.Container, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (trigger.String("prefix") is { Length: > 0 } prefix && !blob.Name.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        if (trigger.String("suffix") is { Length: > 0 } suffix && !blob.Name.EndsWith(suffix, StringComparison.Ordinal))
        {
            return false;
        }

        if (trigger.String("regexp") is { Length: > 0 } pattern)
        {
            var regex = Regexes.GetOrAdd(pattern, Compile);
            try
            {
                return regex is not null && regex.IsMatch(blob.Name);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }

        return true;
    }

    private static Regex? Compile(string pattern)
    {
        try
        {
            return new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}

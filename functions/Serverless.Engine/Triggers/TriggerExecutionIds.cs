using System.Security.Cryptography;
using System.Text;
using Serverless.Engine.Orchestration;

namespace Serverless.Engine.Triggers;

/// <summary>
/// Deterministic execution ids for trigger starts: the same (flow, trigger, occurrence) always gives the
/// same id, so a duplicated tick, a second instance or a restart can never start it twice.
/// </summary>
public static class TriggerExecutionIds
{
    /// <summary>A 22-character base62 id from the SHA-256 of the parts joined by <c>|</c>.</summary>
    public static string From(params ReadOnlySpan<string> parts)
    {
        var text = string.Join('|', parts.ToArray());
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return ShortIds.From(new Guid(hash[..16]));
    }

    /// <summary>The id of one scheduled occurrence (also used by backfills, so a backfilled date that already ran is skipped).</summary>
    public static string ForSchedule(string ns, string flowId, string triggerId, DateTimeOffset date) =>
        From(ns, flowId, triggerId, TriggerDates.Format(date.ToUniversalTime()));
}

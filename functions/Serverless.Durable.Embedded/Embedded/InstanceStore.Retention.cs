namespace Serverless.Durable.Embedded;

/// <summary>How many ended instances the embedded store keeps, and for how long.</summary>
internal sealed record EndedInstanceLimits(int MaxCount, TimeSpan Retention);

/// <summary>
/// Ended instances leave memory after <see cref="EndedInstanceLimits"/>: a long-running host must not grow with
/// every execution it ever ran. Nothing runs on a timer; the check happens when an instance ends, so an idle
/// host does no work.
/// </summary>
internal sealed partial class InstanceStore
{
    private readonly Queue<(Instance Instance, DateTime EndedAt)> _ended = new();

    private void ForgetOldEndedLocked(Instance ended, DateTime now)
    {
        _ended.Enqueue((ended, now));
        while (_ended.TryPeek(out var oldest) && (_ended.Count > limits.MaxCount || now - oldest.EndedAt > limits.Retention))
        {
            _ended.Dequeue();

            // The id may have been started again since: only the ended execution itself is forgotten.
            if (oldest.Instance.IsTerminal && IsCurrentLocked(oldest.Instance))
            {
                _instances.Remove(oldest.Instance.InstanceId);
            }
        }
    }
}

namespace Serverless.Engine.Scheduling;

/// <summary>
/// What a schedule does with occurrences that passed while nothing evaluated it (an outage, a stopped
/// host). Kestra's default is <see cref="All"/>.
/// </summary>
public enum RecoverMissedSchedules
{
    /// <summary>Start every missed occurrence.</summary>
    All,

    /// <summary>Start only the most recent missed occurrence.</summary>
    Last,

    /// <summary>Start none of them; the schedule resumes with the next occurrence.</summary>
    None,
}

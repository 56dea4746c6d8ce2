using Serverless.Engine.Flows;

namespace Serverless.Engine.Scheduling;

/// <summary>
/// Body of <c>PUT /api/v1/triggers/{namespace}/{flowId}/{triggerId}/backfill</c>: run the schedule's
/// occurrences between <see cref="Start"/> and <see cref="End"/> (default: now).
/// </summary>
public sealed record BackfillRequest
{
    public required DateTimeOffset Start { get; init; }

    public DateTimeOffset? End { get; init; }

    public IReadOnlyDictionary<string, object?>? Inputs { get; init; }

    public IReadOnlyList<Label>? Labels { get; init; }
}

/// <summary>Why a trigger operation was refused; the API maps <see cref="NotFound"/> to 404, the rest to 400.</summary>
public sealed class TriggerOperationException(string message, bool notFound = false) : Exception(message)
{
    public bool NotFound { get; } = notFound;
}

using System.Text.Json.Serialization;
using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Flows;

namespace Serverless.Engine.Scheduling;

/// <summary>Identifies one trigger of one flow.</summary>
public readonly record struct TriggerKey(string Namespace, string FlowId, string TriggerId)
{
    public override string ToString() => $"{Namespace}.{FlowId}.{TriggerId}";
}

/// <summary>
/// What the scheduler remembers about one trigger between ticks (and across hosts and restarts).
/// Written with optimistic concurrency: <see cref="Version"/> is the store's ETag, null for a state not saved yet.
/// </summary>
public sealed record TriggerState
{
    public required TriggerKey Key { get; init; }

    /// <summary>The next occurrence not yet handled; every occurrence before it was started or deliberately skipped.</summary>
    public DateTimeOffset? Next { get; init; }

    /// <summary>The schedule <see cref="Next"/> was computed with (<see cref="ScheduleDefinition.Signature"/>).</summary>
    public string? Signature { get; init; }

    /// <summary>Disabled by <c>stopAfter</c> or through the API; the YAML's <c>disabled</c> is separate.</summary>
    public bool Disabled { get; init; }

    /// <summary>The trigger's <c>stopAfter</c> states, copied here so the listener needs no flow lookup.</summary>
    public IReadOnlyList<State> StopAfter { get; init; } = [];

    public BackfillState? Backfill { get; init; }

    public string? Version { get; init; }
}

/// <summary>A backfill in progress: occurrences from <see cref="Next"/> to <see cref="End"/> still to start.</summary>
public sealed record BackfillState
{
    public required DateTimeOffset Start { get; init; }

    public required DateTimeOffset End { get; init; }

    /// <summary>The next occurrence to consider (cursor).</summary>
    public required DateTimeOffset Next { get; init; }

    [JsonConverter(typeof(PlainDictionaryConverter))]
    public IReadOnlyDictionary<string, object?>? Inputs { get; init; }

    public IReadOnlyList<Label> Labels { get; init; } = [];

    public bool Paused { get; init; }

    public DateTimeOffset Created { get; init; }
}

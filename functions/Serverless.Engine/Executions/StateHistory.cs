using System.Text.Json.Serialization;

namespace Serverless.Engine.Executions;

/// <summary>One state change and when it happened.</summary>
public sealed record StateHistoryEntry(
    [property: JsonConverter(typeof(JsonStringEnumConverter<State>))] State State,
    DateTimeOffset Date);

/// <summary>A run's state with its history, serialised as Kestra does (<c>current</c>, <c>histories</c>).</summary>
public sealed record StateInfo
{
    [JsonConverter(typeof(JsonStringEnumConverter<State>))]
    public State Current { get; init; }

    public IReadOnlyList<StateHistoryEntry> Histories { get; init; } = [];

    public DateTimeOffset? StartDate => Histories.Count > 0 ? Histories[0].Date : null;

    public DateTimeOffset? EndDate => Current.IsTerminated() && Histories.Count > 0 ? Histories[^1].Date : null;

    /// <summary>Elapsed time from the first to the last recorded state, as an ISO-8601 duration.</summary>
    public string? Duration => StartDate is { } start && Histories.Count > 0
        ? System.Xml.XmlConvert.ToString(Histories[^1].Date - start)
        : null;

    /// <summary>A new state info starting in <paramref name="state"/>.</summary>
    public static StateInfo Of(State state, DateTimeOffset at) => new() { Current = state, Histories = [new(state, at)] };

    /// <summary>This state info moved to <paramref name="state"/>; unchanged if already there.</summary>
    public StateInfo To(State state, DateTimeOffset at) => state == Current
        ? this
        : new() { Current = state, Histories = [.. Histories, new(state, at)] };
}

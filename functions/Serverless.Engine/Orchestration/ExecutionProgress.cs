using System.Text.Json;
using System.Text.Json.Serialization;
using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;

namespace Serverless.Engine.Orchestration;

/// <summary>
/// The orchestration's custom status: the execution's state and its most recent task runs, so clients can
/// show live progress. Set once; the worker serialises it at the end of each episode, so it always shows the
/// latest state without being rebuilt on every change.
/// </summary>
[JsonConverter(typeof(ExecutionProgressConverter))]
internal sealed class ExecutionProgress(ExecutionRunner runner)
{
    /// <summary>How many of the latest task runs the status carries.</summary>
    public const int RecentRuns = 200;

    public ExecutionRunner Runner { get; } = runner;
}

/// <summary>Writes <see cref="ExecutionProgress"/> as a <see cref="ProgressSnapshot"/>.</summary>
internal sealed class ExecutionProgressConverter : JsonConverter<ExecutionProgress>
{
    public override ExecutionProgress Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Progress is read as ProgressSnapshot.");

    public override void Write(Utf8JsonWriter writer, ExecutionProgress value, JsonSerializerOptions options)
    {
        var runs = value.Runner.Runs.Runs;
        var snapshot = new ProgressSnapshot(
            value.Runner.CurrentState.Current,
            runs.Count,
            [.. runs.Skip(Math.Max(0, runs.Count - ExecutionProgress.RecentRuns))
                .Select(r => new ProgressEntry(r.Id, r.TaskId, r.Value, r.State.Current, r.Attempts.Count, r.State.StartDate, r.State.EndDate))]);
        JsonSerializer.Serialize(writer, snapshot, WireJson.Options);
    }
}

/// <summary>The live progress of an execution, as clients read it from the custom status.</summary>
public sealed record ProgressSnapshot(
    [property: JsonConverter(typeof(JsonStringEnumConverter<State>))] State State,
    int TaskRunCount,
    IReadOnlyList<ProgressEntry> Recent);

/// <summary>One task run in <see cref="ProgressSnapshot"/>.</summary>
public sealed record ProgressEntry(
    string Id,
    string TaskId,
    string? Value,
    [property: JsonConverter(typeof(JsonStringEnumConverter<State>))] State State,
    int Attempts,
    DateTimeOffset? StartDate,
    DateTimeOffset? EndDate);

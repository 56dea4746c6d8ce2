using Serverless.Engine.Executions;

namespace Serverless.Engine.Scheduling;

/// <summary>One occurrence to start: its deterministic id, inputs and trigger variables.</summary>
public sealed record DueExecution(
    ScheduleDefinition Schedule,
    DateTimeOffset Date,
    IReadOnlyDictionary<string, object?> Inputs,
    StartOptions Options,
    bool Backfill)
{
    public string ExecutionId => Options.ExecutionId!;
}

/// <summary>
/// The evaluation of one trigger: executions to start, then the state to save. Starting before saving
/// makes a crash in between harmless: the next tick finds the same occurrences and their ids exist.
/// </summary>
public sealed record TriggerEvaluation(TriggerState State, IReadOnlyList<DueExecution> Due);

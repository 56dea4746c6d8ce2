using System.Text.Json.Serialization;
using Serverless.Engine.Executions;

namespace Serverless.Engine.Contracts;

/// <summary>
/// Why an attempt failed, as data: failures cross the durable boundary as records, never as live exceptions.
/// </summary>
public sealed record TaskFailure(string Type, string Message, bool Retryable = true);

/// <summary>The activity's answer for one attempt.</summary>
/// <remarks>Wire contract: in-flight histories hold it; add members, never rename them.</remarks>
public sealed record TaskResult
{
    [JsonConverter(typeof(JsonStringEnumConverter<State>))]
    public State State { get; init; } = State.SUCCESS;

    [JsonConverter(typeof(PlainDictionaryConverter))]
    public IReadOnlyDictionary<string, object?>? Outputs { get; init; }

    public TaskFailure? Failure { get; init; }

    /// <summary>Log lines at ERROR level, kept for <c>errorLogs()</c> in error handlers.</summary>
    public IReadOnlyList<string>? ErrorLogs { get; init; }

    public static TaskResult Success(IReadOnlyDictionary<string, object?>? outputs = null) => new() { Outputs = outputs };

    public static TaskResult Failed(string type, string message, bool retryable = true) =>
        new() { State = State.FAILED, Failure = new TaskFailure(type, message, retryable) };
}

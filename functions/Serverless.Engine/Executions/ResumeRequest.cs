using System.Text.Json.Serialization;
using Serverless.Engine.Contracts;

namespace Serverless.Engine.Executions;

/// <summary>The payload of the resume event: the Pause task's <c>onResume</c> inputs.</summary>
/// <remarks>Wire contract: add members, never rename them.</remarks>
public sealed record ResumeRequest
{
    [JsonConverter(typeof(PlainDictionaryConverter))]
    public IReadOnlyDictionary<string, object?>? Inputs { get; init; }

    /// <summary>The paused task run this resume is for; null resumes whichever pause is waiting.</summary>
    public string? TaskRunId { get; init; }
}

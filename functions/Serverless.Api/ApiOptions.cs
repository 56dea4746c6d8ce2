namespace Serverless.Api;

/// <summary>Limits and timings of the API; the defaults suit both hosts.</summary>
public sealed class ApiOptions
{
    /// <summary>Largest flow YAML accepted (create, update, validate).</summary>
    public long MaxFlowBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest JSON body (inputs, KV values, webhook payloads).</summary>
    public long MaxJsonBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest uploaded file (namespace files, FILE inputs); hosts set their transport limit just above it.</summary>
    public long MaxFileBytes { get; set; } = 100 * 1024 * 1024;

    /// <summary>How often follow streams look for changes.</summary>
    public TimeSpan FollowInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long <c>wait=true</c> and webhook waits block before answering with the execution as it stands.</summary>
    public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromMinutes(3);
}

namespace Serverless.Engine.Logs;

/// <summary>
/// Where task logs go: the CLI prints them, the Functions app stores them where the API can query them.
/// Implementations must be thread-safe and must not throw into tasks.
/// </summary>
public interface IExecutionLogSink
{
    void Write(LogEntry entry);
}

/// <summary>Discards logs.</summary>
public sealed class NullLogSink : IExecutionLogSink
{
    public static NullLogSink Instance { get; } = new();

    public void Write(LogEntry entry)
    {
    }
}

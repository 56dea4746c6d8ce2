using Serverless.Engine.Logs;
using Spectre.Console;

namespace Serverless.Cli.Terminal;

/// <summary>Prints task logs to stderr as they happen: time, level, task id, message.</summary>
internal sealed class ConsoleLogSink(CliConsole console, string minimumLevel = "INFO") : IExecutionLogSink
{
    private readonly Lock _gate = new();

    public void Write(LogEntry entry)
    {
        if (!LogLevels.Passes(entry.Level, minimumLevel))
        {
            return;
        }

        var colour = entry.Level switch
        {
            "ERROR" => "red",
            "WARN" => "yellow",
            "DEBUG" or "TRACE" => "grey",
            _ => "blue",
        };
        lock (_gate)
        {
            console.Ansi.MarkupLine(
                $"[grey]{entry.Timestamp:HH:mm:ss.fff}[/] [{colour}]{entry.Level,-5}[/] [bold]{Markup.Escape(entry.TaskId ?? "")}[/] {Markup.Escape(entry.Message)}");
        }
    }
}

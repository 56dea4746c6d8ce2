using System.Globalization;
using Serverless.Engine.Contracts;
using Serverless.Engine.Executions;
using Serverless.Engine.Orchestration;
using Spectre.Console;

namespace Serverless.Cli.Terminal;

/// <summary>How executions and their progress look on a terminal.</summary>
internal static class ExecutionView
{
    public static string Colour(State state) => state switch
    {
        State.SUCCESS => "green",
        State.WARNING => "yellow",
        State.FAILED or State.KILLED => "red",
        State.RUNNING or State.CREATED => "blue",
        State.PAUSED or State.QUEUED => "magenta",
        _ => "grey",
    };

    /// <summary>One progress line for a task run that changed state.</summary>
    public static void Progress(CliConsole console, ProgressEntry entry)
    {
        var value = entry.Value is null ? "" : $" [grey]({Markup.Escape(entry.Value)})[/]";
        var attempts = entry.Attempts > 1 ? $" [grey]attempt {entry.Attempts}[/]" : "";
        console.Ansi.MarkupLine($"  [{Colour(entry.State)}]{entry.State,-8}[/] {Markup.Escape(entry.TaskId)}{value}{attempts}");
    }

    /// <summary>The final table of task runs, then the outputs and the final state.</summary>
    public static void Summary(CliConsole console, Execution execution)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"execution {execution.Id}")
            .AddColumn("task").AddColumn("value").AddColumn("state").AddColumn(new TableColumn("attempts").RightAligned()).AddColumn(new TableColumn("duration").RightAligned());
        var depth = Depths(execution);
        foreach (var run in execution.TaskRunList)
        {
            table.AddRow(
                Markup.Escape(new string(' ', depth[run.Id] * 2) + run.TaskId),
                Markup.Escape(run.Value ?? ""),
                $"[{Colour(run.State.Current)}]{run.State.Current}[/]",
                run.Attempts.Count.ToString(CultureInfo.InvariantCulture),
                Duration(run.State));
        }

        console.Ansi.Write(table);
        if (execution.Outputs is { Count: > 0 } outputs)
        {
            console.Ansi.MarkupLine("[bold]outputs[/]");
            foreach (var (key, value) in outputs)
            {
                console.Ansi.MarkupLine($"  {Markup.Escape(key)}: {Markup.Escape(PlainValues.ToJson(value))}");
            }
        }

        var error = execution.Error is null ? "" : $" [grey]{Markup.Escape(execution.Error)}[/]";
        console.Ansi.MarkupLine($"[bold]{execution.Namespace}.{execution.FlowId}[/] [{Colour(execution.State.Current)}]{execution.State.Current}[/] in {Duration(execution.State)}{error}");
    }

    private static string Duration(StateInfo state) => state.StartDate is { } start && state.Histories.Count > 0
        ? FormatDuration(state.Histories[^1].Date - start)
        : "";

    private static string FormatDuration(TimeSpan span) => span.TotalSeconds < 1
        ? $"{span.TotalMilliseconds:0} ms"
        : span.TotalMinutes < 1 ? $"{span.TotalSeconds:0.00} s" : span.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture);

    private static Dictionary<string, int> Depths(Execution execution)
    {
        var byId = execution.TaskRunList.ToDictionary(r => r.Id);
        var depths = new Dictionary<string, int>();
        foreach (var run in execution.TaskRunList)
        {
            var depth = 0;
            for (var parent = run.ParentTaskRunId; parent is not null && byId.TryGetValue(parent, out var p); parent = p.ParentTaskRunId)
            {
                depth++;
            }

            depths[run.Id] = depth;
        }

        return depths;
    }
}

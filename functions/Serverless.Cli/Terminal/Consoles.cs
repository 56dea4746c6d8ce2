using Spectre.Console;

namespace Serverless.Cli.Terminal;

/// <summary>
/// The CLI's consoles: colour on a terminal, plain text when piped (Spectre detects both, and NO_COLOR).
/// Results go to stdout; progress and logs to stderr so <c>--json</c> output stays clean.
/// </summary>
internal static class Consoles
{
    public static CliConsole Stdout() => Create(Console.Out, Console.IsOutputRedirected);

    public static CliConsole Stderr() => Create(Console.Error, Console.IsErrorRedirected);

    private static CliConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected)
        {
            // Piped output is read by programs and CI annotations: never wrap a line.
            console.Profile.Width = 4096;
        }

        return new CliConsole(console);
    }
}

/// <summary>A console with the CLI's few message styles.</summary>
internal sealed class CliConsole(IAnsiConsole console)
{
    public IAnsiConsole Ansi { get; } = console;

    public void Plain(string text) => Ansi.WriteLine(text);

    public void Success(string text) => Ansi.MarkupLine($"[green]{Markup.Escape(text)}[/]");

    public void Warn(string text) => Ansi.MarkupLine($"[yellow]{Markup.Escape(text)}[/]");

    public void Error(string text) => Ansi.MarkupLine($"[red]{Markup.Escape(text)}[/]");

    public void Dim(string text) => Ansi.MarkupLine($"[grey]{Markup.Escape(text)}[/]");
}

using Serverless.Engine.Flows;
using Serverless.Engine.Inputs;
using Spectre.Console;

namespace Serverless.Cli.Terminal;

/// <summary>Asks on the terminal for a paused task's <c>onResume</c> inputs.</summary>
internal static class ResumePrompt
{
    /// <summary>Prompts for each onResume input of <paramref name="pause"/> (Enter keeps the default).</summary>
    public static Dictionary<string, object?> Ask(CliConsole console, TaskDefinition pause)
    {
        console.Ansi.MarkupLine($"[magenta]execution paused at '{Markup.Escape(pause.Id)}'[/]: answer to resume it.");
        var inputs = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var input in InputDefinitions.FromPlain(pause.Properties.GetValueOrDefault("onResume")))
        {
            var prompt = new TextPrompt<string>($"  {Markup.Escape(input.DisplayName ?? input.Id)} [grey]({input.Type})[/]:")
            {
                AllowEmpty = !input.Required || input.Defaults is not null,
            };
            var answer = console.Ansi.Prompt(prompt);
            if (answer.Length > 0)
            {
                inputs[input.Id] = answer;
            }
        }

        if (inputs.Count == 0 && !console.Ansi.Confirm("  resume now?", defaultValue: true))
        {
            return [];
        }

        return inputs;
    }
}

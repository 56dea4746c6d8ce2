using System.CommandLine;
using Serverless.Cli.Terminal;
using Serverless.Engine.Parsing;

namespace Serverless.Cli.Commands;

/// <summary><c>flows validate PATH...</c>: checks flows and prints every problem as FILE:LINE:COLUMN.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Flow files (.yaml/.yml) or folders holding them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("validate", "Check flows: syntax, types, properties, ids, expressions in structure. Exit 0 when all are valid, 1 otherwise.")
        {
            paths,
        };
        command.SetAction(result => Run(result.GetValue(paths) ?? []));
        return command;
    }

    private static int Run(IReadOnlyList<string> paths)
    {
        var console = Consoles.Stdout();
        var files = FlowFiles.Expand(paths, out var missing);
        foreach (var path in missing)
        {
            console.Error($"{path}: no such file or folder");
        }

        var invalid = missing.Count;
        foreach (var file in files)
        {
            var result = FlowParser.Default.Parse(File.ReadAllText(file));
            foreach (var warning in result.Warnings)
            {
                console.Warn("warning: " + warning.Format(file));
            }

            if (result.IsValid)
            {
                console.Success($"{file}: valid ({result.Flow!.Namespace}.{result.Flow.Id}, {result.Flow.AllTasks().Count()} tasks)");
                continue;
            }

            invalid++;
            foreach (var error in result.Errors)
            {
                console.Error(error.Format(file));
            }
        }

        if (files.Count > 1 || invalid > 0)
        {
            console.Plain($"{files.Count - (invalid - missing.Count)} valid, {invalid} invalid");
        }

        return invalid == 0 ? 0 : 1;
    }
}

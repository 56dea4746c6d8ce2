using System.CommandLine;

namespace Serverless.Cli.Commands;

/// <summary>The <c>flows</c> root command and its subcommands.</summary>
internal static class FlowsCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand(
            "Serverless Flows: run Kestra YAML flows on Durable Task, embedded on this machine or on Azure Functions.");
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ResumeCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(NamespaceCommand.Create());
        return root;
    }
}

using System.CommandLine;
using Serverless.Cli.Commands;

// Ctrl+C and SIGTERM cancel the running command's token; System.CommandLine 2.0.0 leaves this off by default
// (dotnet/command-line-api#2739). A command that does not stop within the timeout is abandoned.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(10) };
return await FlowsCommand.Create().Parse(args).InvokeAsync(invocation);

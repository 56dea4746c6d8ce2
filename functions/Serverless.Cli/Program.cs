using Serverless.Cli.Commands;

return await FlowsCommand.Create().Parse(args).InvokeAsync();

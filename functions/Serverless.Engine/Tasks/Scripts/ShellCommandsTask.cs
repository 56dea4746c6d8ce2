namespace Serverless.Engine.Tasks.Scripts;

/// <summary>
/// <c>io.kestra.plugin.scripts.shell.Commands</c>: shell commands run in one <c>/bin/sh -c</c> session,
/// after <c>beforeCommands</c>, stopping at the first failure (<c>failFast</c>, default true).
/// <code>
/// - id: hello
///   type: io.kestra.plugin.scripts.shell.Commands
///   taskRunner:
///     type: io.kestra.plugin.core.runner.Process
///   commands:
///     - echo "::{\"outputs\":{\"greeting\":\"hello\"}}::"
/// </code>
/// Outputs: <c>vars</c> (from <c>::{"outputs":…}::</c> lines), <c>exitCode</c>, <c>outputFiles</c> (name → kestra:// URI), <c>metrics</c>.
/// </summary>
public sealed class ShellCommandsTask : ScriptTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.scripts.shell.Commands"];

    private protected override PropertySpec MainProperty { get; } = new("commands", PropertyKind.StringOrList, Required: true);

    private protected override Task<IReadOnlyList<string>> CommandsAsync(TaskRunContext context, ScriptWorkspace workspace, ISet<string> hiddenFiles) =>
        Task.FromResult(RenderedValues.StringList(context.RenderValue("commands"), "commands"));
}

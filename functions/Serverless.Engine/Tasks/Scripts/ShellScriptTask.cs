namespace Serverless.Engine.Tasks.Scripts;

/// <summary>
/// <c>io.kestra.plugin.scripts.shell.Script</c>: a multi-line shell script run in the same session as
/// <c>beforeCommands</c>.
/// <code>
/// - id: script
///   type: io.kestra.plugin.scripts.shell.Script
///   script: |
///     echo "running in $WORKING_DIR"
///     ls -la
/// </code>
/// </summary>
public sealed class ShellScriptTask : ScriptTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.scripts.shell.Script"];

    private protected override PropertySpec MainProperty { get; } = PropertySpec.String("script", required: true);

    private protected override Task<IReadOnlyList<string>> CommandsAsync(TaskRunContext context, ScriptWorkspace workspace, ISet<string> hiddenFiles) =>
        Task.FromResult<IReadOnlyList<string>>([context.RenderString("script") ?? ""]);
}

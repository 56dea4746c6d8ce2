namespace Serverless.Engine.Tasks.Scripts;

/// <summary>
/// <c>io.kestra.plugin.scripts.python.Commands</c>: like shell Commands, with <c>python</c> resolving to the
/// worker's Python 3 (a <c>python → python3</c> link is put first on PATH when only python3 exists).
/// <code>
/// - id: python
///   type: io.kestra.plugin.scripts.python.Commands
///   namespaceFiles:
///     enabled: true
///   taskRunner:
///     type: io.kestra.plugin.core.runner.Process
///   beforeCommands:
///     - pip install requests
///   commands:
///     - python python_test.py
/// </code>
/// </summary>
public sealed class PythonCommandsTask : ScriptTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.scripts.python.Commands"];

    private protected override PropertySpec MainProperty { get; } = new("commands", PropertyKind.StringOrList, Required: true);

    private protected override Task<IReadOnlyList<string>> CommandsAsync(TaskRunContext context, ScriptWorkspace workspace, ISet<string> hiddenFiles) =>
        Task.FromResult(RenderedValues.StringList(context.RenderValue("commands"), "commands"));
}

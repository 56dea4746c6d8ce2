using System.Security.Cryptography;

namespace Serverless.Engine.Tasks.Scripts;

/// <summary>
/// <c>io.kestra.plugin.scripts.python.Script</c>: the inline <c>script</c> is written to a hidden file in
/// the working directory (so it can import namespace files next to it) and run with <c>python</c> after
/// <c>beforeCommands</c>. The file is never uploaded as an output file.
/// <code>
/// - id: python
///   type: io.kestra.plugin.scripts.python.Script
///   script: |
///     print('::{"outputs":{"answer":42}}::')
/// </code>
/// </summary>
public sealed class PythonScriptTask : ScriptTaskType
{
    public override IReadOnlyList<string> Names { get; } = ["io.kestra.plugin.scripts.python.Script"];

    private protected override PropertySpec MainProperty { get; } = PropertySpec.String("script", required: true);

    private protected override async Task<IReadOnlyList<string>> CommandsAsync(TaskRunContext context, ScriptWorkspace workspace, ISet<string> hiddenFiles)
    {
        var name = ".flows_script_" + RandomNumberGenerator.GetHexString(12, lowercase: true) + ".py";
        await workspace.WriteTextAsync(name, context.RenderString("script") ?? "", context.CancellationToken);
        hiddenFiles.Add(name);
        return [$"python {name}"];
    }
}

using Microsoft.Extensions.DependencyInjection;
using Serverless.Engine.Contracts;
using Serverless.Engine.Secrets;
using Serverless.Engine.Storage;
using Serverless.Engine.Tasks.Storage;

namespace Serverless.Engine.Tasks.Scripts;

/// <summary>
/// Base of Kestra's script tasks (<c>io.kestra.plugin.scripts.shell|python.Commands|Script</c>) run with the
/// Process task runner: a fresh working directory, namespace and input files written into it, the commands
/// in one shell session, Kestra's <c>::{…}::</c> output protocol, output files uploaded to internal storage.
/// </summary>
/// <remarks>
/// Activities run at least once, so a script may run again after a worker crash: scripts that change the
/// outside world can use <c>KESTRA_EXECUTION_ID</c>, <c>KESTRA_TASKRUN_ID</c> and <c>KESTRA_TASKRUN_ATTEMPT</c>
/// as idempotency keys. There is no container isolation: the script runs as the worker's user, with a
/// scrubbed environment (see <see cref="ScriptEnvironment"/>).
/// </remarks>
public abstract partial class ScriptTaskType : RunnableTaskType
{
    /// <summary>The property holding what to run: <c>commands</c> or <c>script</c>.</summary>
    private protected abstract PropertySpec MainProperty { get; }

    private IReadOnlyList<PropertySpec>? _properties;

    public override IReadOnlyList<PropertySpec> Properties => _properties ??=
    [
        MainProperty,
        PropertySpec.List("beforeCommands"),
        PropertySpec.List("interpreter"),
        PropertySpec.Map("env"),
        PropertySpec.Boolean("failFast"),
        PropertySpec.Boolean("warningOnStdErr"),
        PropertySpec.Map("namespaceFiles"),
        PropertySpec.Any("inputFiles"),
        PropertySpec.List("outputFiles"),
        PropertySpec.Map("taskRunner"),
        PropertySpec.String("containerImage"),
        PropertySpec.Map("docker"),
        PropertySpec.String("runner"),
        PropertySpec.String("targetOS"),
    ];

    /// <summary>The shell lines to run after <c>beforeCommands</c>; may write files into the working directory.</summary>
    private protected abstract Task<IReadOnlyList<string>> CommandsAsync(TaskRunContext context, ScriptWorkspace workspace, ISet<string> hiddenFiles);

    public override async Task<TaskResult> RunAsync(TaskRunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        WarnIgnoredProperties(context);

        // Inside a WorkingDirectory the folder is shared with the sibling tasks and outlives this attempt.
        using var owned = context.WorkingDirectory is null ? ScriptWorkspace.Create() : null;
        var workspace = context.WorkingDirectory ?? owned!;
        var hidden = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            return await RunInAsync(context, workspace, hidden);
        }
        finally
        {
            if (owned is null)
            {
                workspace.DeleteFiles(hidden);
            }
        }
    }

    private async Task<TaskResult> RunInAsync(TaskRunContext context, ScriptWorkspace workspace, HashSet<string> hidden)
    {
        var ct = context.CancellationToken;
        await PrepareFilesAsync(context, workspace, ct);
        var commands = await CommandsAsync(context, workspace, hidden);
        var interpreter = RenderedValues.StringList(context.RenderValue("interpreter"), "interpreter");
        var lines = new List<string>();
        if (context.RenderBool("failFast", defaultValue: true))
        {
            lines.Add("set -e");
        }

        lines.AddRange(RenderedValues.StringList(context.RenderValue("beforeCommands"), "beforeCommands"));
        lines.AddRange(commands);
        var command = (interpreter.Count == 0 ? DefaultInterpreter : interpreter).Append(string.Join('\n', lines)).ToList();

        var token = System.Security.Cryptography.RandomNumberGenerator.GetHexString(32, lowercase: true);
        var environment = ScriptEnvironment.Build(Environment.GetEnvironmentVariables(), context.Request, workspace, token,
            RenderedValues.StringMap(context.RenderValue("env"), "env"));
        var collector = new ScriptOutputCollector(context);
        var exitCode = await ScriptProcess.RunAsync(command, workspace.WorkingDirectory, environment, token, collector.Accept, context.Clock, ct);

        var outputs = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["vars"] = collector.Vars,
            ["exitCode"] = (long)exitCode,
        };
        if (collector.Metrics.Count > 0)
        {
            outputs["metrics"] = collector.Metrics;
        }

        if (exitCode != 0)
        {
            return context.FailMasked("ScriptFailed", $"Command failed with exit code {exitCode}", outputs: outputs);
        }

        if (OutputFileGlobs(context) is { IsEmpty: false } globs)
        {
            outputs["outputFiles"] = await UploadOutputFilesAsync(context, workspace, workspace.FindFiles(globs, hidden), ct);
        }

        return context.MaskResult(TaskResult.Success(outputs));
    }

    /// <summary>Kestra's default: commands run by <c>/bin/sh -c</c>.</summary>
    public static IReadOnlyList<string> DefaultInterpreter { get; } = ["/bin/sh", "-c"];

    private static void WarnIgnoredProperties(TaskRunContext context)
    {
        if (context.RenderString("containerImage") is { Length: > 0 } image)
        {
            context.LogMasked("WARN", $"containerImage '{image}' is ignored: the Process task runner runs the commands on the worker itself, not in a container.");
        }

        if (context.Raw("docker") is not null)
        {
            context.Log("WARN", "'docker' is ignored: the Process task runner runs the commands on the worker itself, not in a container.");
        }
    }

    /// <summary>Copies namespace files and writes <c>inputFiles</c> into the working directory (also used for a WorkingDirectory's own).</summary>
    internal static async Task PrepareFilesAsync(TaskRunContext context, ScriptWorkspace workspace, CancellationToken ct)
    {
        var namespaceFiles = RenderedValues.Map(context.RenderValue("namespaceFiles"), "namespaceFiles");
        if (Truthiness.ToBool(namespaceFiles.GetValueOrDefault("enabled"), defaultValue: false))
        {
            var include = Globs.Compile(RenderedValues.StringList(namespaceFiles.GetValueOrDefault("include"), "namespaceFiles.include").Select(p => p.TrimStart('/')), "namespaceFiles.include");
            var exclude = Globs.Compile(RenderedValues.StringList(namespaceFiles.GetValueOrDefault("exclude"), "namespaceFiles.exclude").Select(p => p.TrimStart('/')), "namespaceFiles.exclude");
            var store = Require<INamespaceFileStore>(context, "namespace files");
            var count = await workspace.MaterializeNamespaceFilesAsync(store, context.Request.Namespace, include, exclude, ct);
            context.Log("DEBUG", $"{count} namespace file(s) of '{context.Request.Namespace}' copied into the working directory");
        }

        foreach (var (name, value) in RenderedValues.Map(context.RenderValue("inputFiles"), "inputFiles"))
        {
            var content = Expressions.ExpressionEngine.ToText(value);
            if (content.StartsWith(KestraUris.Scheme + "://", StringComparison.OrdinalIgnoreCase))
            {
                var uri = InternalFiles.CheckNamespace(content, context.Request.Namespace);
                await using var stream = await Require<IInternalStorage>(context, "kestra:// input files").OpenReadAsync(uri, ct);
                await workspace.WriteAsync(name, stream, ct);
            }
            else
            {
                await workspace.WriteTextAsync(name, content, ct);
            }
        }
    }

    internal static Globs OutputFileGlobs(TaskRunContext context) =>
        Globs.Compile(RenderedValues.StringList(context.RenderValue("outputFiles"), "outputFiles"), "outputFiles");

    internal static async Task<Dictionary<string, object?>> UploadOutputFilesAsync(TaskRunContext context, ScriptWorkspace workspace, IReadOnlyList<string> files, CancellationToken ct)
    {
        var storage = Require<IInternalStorage>(context, "outputFiles");
        var request = context.Request;
        var scope = new StorageScope(request.Namespace, request.FlowId, request.ExecutionId, request.TaskId, request.TaskRunId);
        var uris = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            await using var stream = File.OpenRead(workspace.Resolve(file));
            uris[file] = (await storage.PutAsync(scope, file, stream, ct)).ToString();
        }

        return uris;
    }

    internal static T Require<T>(TaskRunContext context, string feature)
        where T : notnull =>
        context.Services.GetService<T>()
            ?? throw new InvalidOperationException($"{feature} need a storage backend, and none is configured in this worker ({typeof(T).Name} is not registered).");
}

using System.Collections;
using System.Globalization;
using Serverless.Engine.Contracts;

namespace Serverless.Engine.Tasks.Scripts;

/// <summary>
/// The environment a script sees: an allow-list of the worker's variables, Kestra's run variables and the
/// task's <c>env</c>. The worker's environment is never passed wholesale: in Azure it holds the storage
/// connection string, managed-identity endpoints and <c>SECRET_*</c> values a script must not read.
/// </summary>
internal static class ScriptEnvironment
{
    /// <summary>Host variables passed through by exact name.</summary>
    public static readonly IReadOnlyList<string> PassedNames = ["PATH", "HOME", "LANG", "TMPDIR", "TZ", "USER", "SHELL"];

    /// <summary>Host variables passed through by prefix.</summary>
    public static readonly IReadOnlyList<string> PassedPrefixes = ["LC_", "PYTHON"];

    /// <summary>Never passed from the host, even when an allow rule matches.</summary>
    public static readonly IReadOnlyList<string> DeniedPrefixes = ["AZURE_", "IDENTITY_", "MSI_", "AzureWebJobs", "SECRET_"];

    /// <summary>Carries the run's kill token, so <see cref="ProcessTree"/> finds processes that left the session.</summary>
    public const string TokenVariable = "FLOWS_PROCESS_TOKEN";

    public static bool IsPassedFromHost(string name) =>
        !DeniedPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase))
        && (PassedNames.Contains(name, StringComparer.Ordinal) || PassedPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)));

    /// <summary>Builds the environment; the task's <paramref name="taskEnv"/> wins over everything else.</summary>
    public static Dictionary<string, string> Build(IDictionary host, TaskRequest request, ScriptWorkspace workspace, string token, IReadOnlyDictionary<string, string> taskEnv)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in host)
        {
            if (entry.Key is string name && entry.Value is string value && IsPassedFromHost(name))
            {
                env[name] = value;
            }
        }

        var path = env.GetValueOrDefault("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        env["PATH"] = PythonShim.Prepare(workspace.BinDirectory, path) is { } shim ? shim + Path.PathSeparator + path : path;
        env["TMPDIR"] = workspace.TempDirectory;
        env["WORKING_DIR"] = workspace.WorkingDirectory;
        env["KESTRA_EXECUTION_ID"] = request.ExecutionId;
        env["KESTRA_TASKRUN_ID"] = request.TaskRunId;
        env["KESTRA_TASKRUN_ATTEMPT"] = (request.Attempt + 1).ToString(CultureInfo.InvariantCulture);
        env["KESTRA_NAMESPACE"] = request.Namespace;
        env["KESTRA_FLOW_ID"] = request.FlowId;
        env["KESTRA_TASK_ID"] = request.TaskId;
        env[TokenVariable] = token;
        foreach (var (name, value) in taskEnv)
        {
            env[name] = value;
        }

        env[TokenVariable] = token;
        return env;
    }
}

/// <summary>
/// Kestra's examples call <c>python</c>; many Linux images only have <c>python3</c>. When <c>python</c>
/// is missing from PATH but <c>python3</c> is there, a link <c>python → python3</c> (and <c>pip → pip3</c>)
/// goes into a folder put first on the script's PATH.
/// </summary>
internal static class PythonShim
{
    /// <summary>The folder to prepend to PATH, or <see langword="null"/> when no shim is needed or possible.</summary>
    public static string? Prepare(string binDirectory, string path)
    {
        var created = false;
        foreach (var (name, target) in new[] { ("python", "python3"), ("pip", "pip3") })
        {
            if (Find(name, path) is null && Find(target, path) is { } full)
            {
                // A WorkingDirectory shares the folder: the link may already be there from a sibling task.
                var link = Path.Join(binDirectory, name);
                if (new FileInfo(link).LinkTarget is null)
                {
                    File.CreateSymbolicLink(link, full);
                }

                created = true;
            }
        }

        return created ? binDirectory : null;
    }

    private static string? Find(string program, string path) =>
        path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Join(dir, program))
            .FirstOrDefault(File.Exists);
}

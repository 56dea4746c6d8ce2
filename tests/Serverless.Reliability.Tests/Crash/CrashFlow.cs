using System.Text;

namespace Serverless.Reliability.Tests.Crash;

/// <summary>
/// The flow the crash test kills hosts under: 20 sequential tasks (Return, Sleep, Shell). Every Shell run
/// appends its task id to <c>{dir}/{execution id}.log</c>, so the file counts real executions of each task,
/// whatever the execution JSON says.
/// </summary>
public static class CrashFlow
{
    public const string Namespace = "reliability.crash";
    public const string Id = "twenty";
    public const int TaskCount = 20;

    public static string Yaml { get; } = Build();

    /// <summary>The ids of the Shell tasks (the ones with real side effects).</summary>
    public static IReadOnlyList<string> ShellTasks { get; } = [.. Enumerable.Range(0, TaskCount).Where(i => i % 3 == 2).Select(TaskId)];

    public static string TaskId(int index) => $"t{index:D2}";

    private static string Build()
    {
        var sb = new StringBuilder($"id: {Id}\nnamespace: {Namespace}\ninputs:\n  - id: dir\n    type: STRING\ntasks:\n");
        for (var i = 0; i < TaskCount; i++)
        {
            sb.Append("  - id: ").Append(TaskId(i)).Append('\n');
            switch (i % 3)
            {
                case 0:
                    sb.Append("    type: io.kestra.plugin.core.debug.Return\n    format: \"value {{ task.id }}\"\n");
                    break;
                case 1:
                    sb.Append("    type: io.kestra.plugin.core.flow.Sleep\n    duration: PT0.4S\n");
                    break;
                default:
                    sb.Append("    type: io.kestra.plugin.scripts.shell.Commands\n    commands:\n")
                        .Append("      - sleep 0.3\n")
                        .Append("      - echo \"{{ task.id }} attempt $KESTRA_TASKRUN_ATTEMPT\" >> \"{{ inputs.dir }}/{{ execution.id }}.log\"\n");
                    break;
            }
        }

        return sb.ToString();
    }
}

using System.Text;

namespace Serverless.Reliability.Tests.Storage;

/// <summary>
/// The flow the storage-outage tests run: 10 sequential tasks (Return, 1-second Sleeps, Shell). Each Shell
/// run appends its task id to <c>{dir}/{execution id}.log</c>, counting real executions whatever the stored
/// records say; the last task is a Shell, so the file also shows when the execution reached its end.
/// </summary>
public static class OutageFlow
{
    public const string Namespace = "reliability.storage";
    public const string Id = "ten";
    public const int TaskCount = 10;

    public static string Yaml { get; } = Build(Id);

    public static IReadOnlyList<string> TaskIds { get; } = [.. Enumerable.Range(0, TaskCount).Select(TaskId)];

    /// <summary>The Shell tasks (the ones with real side effects); the last one is the flow's last task.</summary>
    public static IReadOnlyList<string> ShellTasks { get; } = [.. Enumerable.Range(0, TaskCount).Where(IsShell).Select(TaskId)];

    public static string LastTask => TaskId(TaskCount - 1);

    /// <summary>The same tasks under another flow id (the flow a test writes while storage is down).</summary>
    public static string Build(string flowId)
    {
        var sb = new StringBuilder($"id: {flowId}\nnamespace: {Namespace}\ninputs:\n  - id: dir\n    type: STRING\ntasks:\n");
        for (var i = 0; i < TaskCount; i++)
        {
            sb.Append("  - id: ").Append(TaskId(i)).Append('\n');
            if (IsShell(i))
            {
                sb.Append("    type: io.kestra.plugin.scripts.shell.Commands\n    commands:\n")
                    .Append("      - echo \"{{ task.id }} attempt $KESTRA_TASKRUN_ATTEMPT\" >> \"{{ inputs.dir }}/{{ execution.id }}.log\"\n");
            }
            else if (i % 3 == 1)
            {
                sb.Append("    type: io.kestra.plugin.core.flow.Sleep\n    duration: PT1S\n");
            }
            else
            {
                sb.Append("    type: io.kestra.plugin.core.debug.Return\n    format: \"value {{ task.id }}\"\n");
            }
        }

        return sb.ToString();
    }

    public static string TaskId(int index) => $"t{index:D2}";

    private static bool IsShell(int index) => index % 3 == 2 || index == TaskCount - 1;
}

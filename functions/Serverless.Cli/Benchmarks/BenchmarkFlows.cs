using System.Text;

namespace Serverless.Cli.Benchmarks;

/// <summary>The flows the benchmark runs, generated at the sizes asked for.</summary>
internal static class BenchmarkFlows
{
    public const string ReturnType = "io.kestra.plugin.core.debug.Return";

    /// <summary>A flow of <paramref name="count"/> Return tasks one after the other.</summary>
    public static string Sequential(int count)
    {
        var yaml = new StringBuilder($"id: seq-{count}\nnamespace: bench\ntasks:\n");
        for (var i = 0; i < count; i++)
        {
            yaml.Append($"  - id: t{i}\n    type: {ReturnType}\n    format: \"step {i}\"\n");
        }

        return yaml.ToString();
    }

    /// <summary>A ForEach over <paramref name="count"/> values with no concurrency limit and one Return child.</summary>
    public static string ForEach(int count) =>
        $"id: foreach-{count}\nnamespace: bench\ntasks:\n"
        + "  - id: each\n    type: io.kestra.plugin.core.flow.ForEach\n"
        + "    values: \"{{ range(1, " + count + ") }}\"\n    concurrencyLimit: 0\n    tasks:\n"
        + $"      - id: child\n        type: {ReturnType}\n        format: \"{{{{ taskrun.value }}}}\"\n";

    /// <summary>A Shell task running <c>true</c>.</summary>
    public const string ShellTrue = """
        id: shell-true
        namespace: bench
        tasks:
          - id: sh
            type: io.kestra.plugin.scripts.shell.Commands
            taskRunner:
              type: io.kestra.plugin.core.runner.Process
            commands:
              - "true"
        """;
}

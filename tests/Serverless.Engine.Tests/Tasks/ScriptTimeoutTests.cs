using System.Diagnostics;
using System.Text;
using Serverless.Engine.Executions;
using Serverless.Engine.Tests.Support;

namespace Serverless.Engine.Tests.Tasks;

[Collection(TaskEngineCollection.Name)]
public sealed class ScriptTimeoutTests(TaskEngineFixture fixture)
{
    [Fact]
    public async Task Timeout_ScriptWithBackgroundChildren_KillsWholeProcessTree()
    {
        var marker = "flows-orphan-" + Guid.NewGuid().ToString("N");
        var stopwatch = Stopwatch.StartNew();

        var execution = await fixture.RunAsync($"""
            id: shell_timeout
            namespace: company.team
            tasks:
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                timeout: PT1S
                commands:
                  - sh -c 'sleep 300; :' {marker}-child &
                  - (sh -c 'sleep 300; :' {marker}-daemon &)
                  - setsid sh -c 'sleep 300; :' {marker}-session &
                  - echo started
                  - sleep 300
            """);

        Assert.Equal(State.FAILED, execution.State.Current);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(60), $"the timeout did not stop the task ({stopwatch.Elapsed})");
        Assert.Contains(fixture.LogsOf(execution), l => l.Message.Contains("timeout", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(ProcessesWith(marker));
    }

    [Fact]
    public async Task NormalExit_BackgroundChildLeftRunning_IsKilled()
    {
        var marker = "flows-leftover-" + Guid.NewGuid().ToString("N");

        var execution = await fixture.RunAsync($"""
            id: shell_leftover
            namespace: company.team
            tasks:
              - id: sh
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - sh -c 'sleep 300; :' {marker} &
                  - echo done
            """);

        Assert.Equal(State.SUCCESS, execution.State.Current);
        Assert.Empty(ProcessesWith(marker));
    }

    /// <summary>Live (non-zombie) processes whose command line contains <paramref name="marker"/>.</summary>
    private static List<int> ProcessesWith(string marker)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Join(dir, "stat"));
                var state = stat[(stat.LastIndexOf(')') + 2)..][0];
                var cmdline = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Join(dir, "cmdline")));
                if (state != 'Z' && cmdline.Contains(marker, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // the process ended while we looked
            }
        }

        return found;
    }
}

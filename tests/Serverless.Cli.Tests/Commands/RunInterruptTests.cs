using System.Diagnostics;

namespace Serverless.Cli.Tests.Commands;

/// <summary>
/// SIGTERM and Ctrl+C stop <c>flows run</c> at once, even while the flow sleeps or waits at a Pause: the embedded
/// hosts once swallowed both signals and the command ran on until the flow ended (or forever, when paused).
/// </summary>
public sealed class RunInterruptTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("flows-interrupt-");

    [Theory]
    [InlineData("sleep", "type: io.kestra.plugin.core.flow.Sleep\n    duration: PT5M")]
    [InlineData("pause", "type: io.kestra.plugin.core.flow.Pause")]
    public async Task Run_Sigterm_StopsPromptlyWithExitCode130AndSaysWhatHappened(string id, string task)
    {
        var flow = Path.Join(_dir.FullName, $"{id}.yaml");
        await File.WriteAllTextAsync(flow, $"id: {id}\nnamespace: tests\ntasks:\n  - id: wait\n    {task}\n");
        using var process = Start("run", flow, "--storage", "local:" + Path.Join(_dir.FullName, "store"));
        try
        {
            var stderr = new List<string>();
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    return;
                }

                lock (stderr)
                {
                    stderr.Add(e.Data);
                }

                if (e.Data.Contains("started", StringComparison.Ordinal))
                {
                    started.TrySetResult();
                }
            };
            process.BeginErrorReadLine();
            await started.Task.WaitAsync(TimeSpan.FromSeconds(60));

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await process.WaitForExitAsync(deadline.Token);
            Assert.Equal(130, process.ExitCode);
            lock (stderr)
            {
                Assert.Contains(stderr, line => line.Contains("interrupted: execution", StringComparison.Ordinal));
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    public void Dispose()
    {
        _dir.Delete(recursive: true);
    }

    private static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Join(AppContext.BaseDirectory, "flows.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }
}

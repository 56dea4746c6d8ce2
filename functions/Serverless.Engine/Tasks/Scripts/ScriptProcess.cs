using System.Diagnostics;
using System.Text;

namespace Serverless.Engine.Tasks.Scripts;

/// <summary>
/// Runs one script process: in a session of its own (<c>setsid</c>) so the whole tree can be found, with a
/// closed stdin, both output streams read line by line. When the token is cancelled (timeout, kill) or the
/// script exits, every process it left behind is killed: a serverless worker must not keep orphans running
/// after the activity that started them returned.
/// </summary>
internal static class ScriptProcess
{
    private const string SetSid = "/usr/bin/setsid";
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="command"/> (program then arguments); returns the exit code or throws <see cref="OperationCanceledException"/>.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> command, string workingDirectory, IReadOnlyDictionary<string, string> environment,
        string token, Action<string, bool> onLine, TimeProvider clock, CancellationToken ct)
    {
        var startInfo = StartInfo(command, workingDirectory, environment);
        using var process = new Process { StartInfo = startInfo };
        ct.ThrowIfCancellationRequested();
        process.Start();
        var startTime = ProcessTree.StartTime(process.Id);
        process.StandardInput.Close();
        var stdout = PumpAsync(process.StandardOutput, line => onLine(line, false));
        var stderr = PumpAsync(process.StandardError, line => onLine(line, true));
        try
        {
            await process.WaitForExitAsync(ct);
        }
        finally
        {
            ProcessTree.KillAll(process, token, startTime);
            await WaitQuietlyAsync(process.WaitForExitAsync(CancellationToken.None), clock);

            // The pipes close once every process holding them is dead; a process that escaped keeps them open.
            await WaitQuietlyAsync(Task.WhenAll(stdout, stderr), clock);
        }

        return process.ExitCode;
    }

    private static ProcessStartInfo StartInfo(IReadOnlyList<string> command, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var useSetSid = OperatingSystem.IsLinux() && File.Exists(SetSid);
        var startInfo = new ProcessStartInfo(useSetSid ? SetSid : command[0])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        if (useSetSid)
        {
            startInfo.ArgumentList.Add("--wait");
        }

        foreach (var argument in useSetSid ? command : command.Skip(1))
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        return startInfo;
    }

    private static async Task PumpAsync(StreamReader reader, Action<string> onLine)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            onLine(line);
        }
    }

    private static async Task WaitQuietlyAsync(Task task, TimeProvider clock)
    {
        try
        {
            await task.WaitAsync(DrainLimit, clock);
        }
        catch (TimeoutException)
        {
            // Reported by the caller's outcome; never hang the activity on a stray pipe holder.
        }
    }
}

using System.Runtime.InteropServices;

namespace Serverless.Engine.Azure.Tests.Azurite;

/// <summary>Stopping: a polite SIGTERM first, then the whole process tree.</summary>
public sealed partial class AzuriteProcess
{
    private const int SigTerm = 15;

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                if (!OperatingSystem.IsWindows())
                {
                    _ = Kill(_process.Id, SigTerm);
                }

                using var grace = new CancellationTokenSource(StopGrace);
                try
                {
                    await _process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync();
                }
            }
        }
        finally
        {
            _process.Dispose();
            try
            {
                Directory.Delete(_workDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}

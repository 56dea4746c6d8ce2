using System.Diagnostics;
using System.Reflection;

namespace Serverless.Infra.Tests.Bicep;

/// <summary>
/// Runs the real Bicep compiler restored from the Azure.Bicep.CommandLine.linux-x64 package, whose path
/// the project file bakes into an assembly attribute; no network and no global install are needed.
/// </summary>
/// <remarks>The NuGet cache may drop the execute bit, so it is restored before the first run.</remarks>
internal static class BicepCli
{
    private const string MetadataKey = "BicepExecutable";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string ExecutablePath { get; } = Locate();

    public static async Task<BicepResult> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start '{ExecutablePath}'.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(cancel.Token);
        return new BicepResult(process.ExitCode, await stdout, await stderr);
    }

    private static string Locate()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == MetadataKey)?.Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Bicep CLI not found at '{path}'; restore the Azure.Bicep.CommandLine.linux-x64 package.");
        }

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if (!mode.HasFlag(UnixFileMode.UserExecute))
            {
                File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
            }
        }

        return path;
    }
}
